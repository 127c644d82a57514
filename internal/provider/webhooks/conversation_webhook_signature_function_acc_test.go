package webhooks_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/webhooks"
)

func TestAccConversationWebhookSignatureFunction(t *testing.T) {
	env := acctest.NewTestEnv(t, nil)
	var hcl string
	var checks []statecheck.StateCheck
	for i, v := range webhooks.WebhookSignatureVectors[:2] {
		hcl += fmt.Sprintf(`
output "signature_%d" {
  value = provider::sinch::conversation_webhook_signature(%q, %q, %q, %q)
}`, i, v.Secret, v.Body, v.Nonce, v.Timestamp)
		checks = append(checks, statecheck.ExpectKnownOutputValue(fmt.Sprintf("signature_%d", i), knownvalue.StringExact(v.Want)))
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.FunctionVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: env.Config("", hcl), ConfigStateChecks: checks},
			{
				Config:      env.Config("", `output "s" { value = provider::sinch::conversation_webhook_signature("", "{}", "n", "1") }`),
				ExpectError: regexp.MustCompile(`secret must not be empty`),
			},
		},
	})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("the function made %d requests", n)
	}
}
