package webhooks_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
)

// The webhook: its identity is its project and ID; an import by identity plans no change.
func TestAccIdentity_conversationWebhook(t *testing.T) {
	env := webhookEnv(t)
	config := env.Config("", webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"}, `secret = "webhook-secret-0123456789ab"`))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.IdentityVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentityValueMatchesStateAtPath(testWebhook, tfjsonpath.New("webhook_id"), tfjsonpath.New("id")),
					statecheck.ExpectIdentityValue(testWebhook, tfjsonpath.New("project_id"), knownvalue.StringExact("project-1")),
					statecheck.ExpectIdentityValue(testWebhook, tfjsonpath.New("write_only"), knownvalue.Bool(false)),
				},
			},
			{Config: config, ResourceName: testWebhook, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
