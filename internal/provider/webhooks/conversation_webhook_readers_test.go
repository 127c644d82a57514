package webhooks_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The data sources and the ephemeral resource read webhooks that exist at Sinch: one with its secrets
// (in state), an app's list without any secret, and the secrets for one run only.
func TestAccConversationWebhook_readers(t *testing.T) {
	env := webhookEnv(t)
	a := sinchmock.Webhook{AppID: "app-1", Target: "https://handler.example/a", Triggers: []string{"MESSAGE_DELIVERY"},
		Secret: "secret-of-a-0123456789", ClientCredentials: &sinchmock.ClientCredentials{ClientID: "c", ClientSecret: "client-secret-of-a",
			Endpoint: "https://auth.example/token", Scope: "read", TokenRequestType: "BASIC"}}
	b := sinchmock.Webhook{AppID: "app-1", Target: "https://handler.example/b", TargetType: "DISMISS", Triggers: []string{"EVENT_INBOUND", "OPT_IN"},
		Secret: "secret-of-b-0123456789"}
	idA, idB := env.Mock.AddWebhook("project-1", a), env.Mock.AddWebhook("project-1", b)
	hcl := fmt.Sprintf(`
data "sinch_conversation_webhook" "a" {
  project_id = "project-1"
  id         = %q
}

data "sinch_conversation_webhooks" "app" {
  project_id = "project-1"
  app_id     = "app-1"
}

ephemeral "sinch_conversation_webhook" "a" {
  project_id = "project-1"
  id         = %q
}

provider "echo" {
  data = ephemeral.sinch_conversation_webhook.a
}

resource "echo" "a" {}`, idA, idA)
	webhook, list, echo := "data.sinch_conversation_webhook.a", "data.sinch_conversation_webhooks.app", "echo.a"
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: acctest.WithEcho(env),
		Steps: []resource.TestStep{{
			Config: env.Config("", hcl),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(webhook, tfjsonpath.New("target"), knownvalue.StringExact("https://handler.example/a")),
				statecheck.ExpectKnownValue(webhook, tfjsonpath.New("app_id"), knownvalue.StringExact("app-1")),
				statecheck.ExpectKnownValue(webhook, tfjsonpath.New("secret"), knownvalue.StringExact("secret-of-a-0123456789")),
				statecheck.ExpectKnownValue(webhook, tfjsonpath.New("client_credentials").AtMapKey("client_secret"), knownvalue.StringExact("client-secret-of-a")),
				statecheck.ExpectKnownValue(webhook, tfjsonpath.New("client_credentials").AtMapKey("scope"), knownvalue.StringExact("read")),
				statecheck.ExpectKnownValue(list, tfjsonpath.New("webhooks"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(idA), "target": knownvalue.StringExact(a.Target),
						"target_type": knownvalue.StringExact("HTTP"), "triggers": knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("MESSAGE_DELIVERY")})}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(idB), "target": knownvalue.StringExact(b.Target),
						"target_type": knownvalue.StringExact("DISMISS"), "triggers": knownvalue.SetExact([]knownvalue.Check{
							knownvalue.StringExact("EVENT_INBOUND"), knownvalue.StringExact("OPT_IN")})}),
				})),
				// The list holds no secret of either.
				acctest.StateWithout{"secret-of-b-0123456789"},
				statecheck.ExpectKnownValue(echo, tfjsonpath.New("data").AtMapKey("secret"), knownvalue.StringExact("secret-of-a-0123456789")),
				statecheck.ExpectKnownValue(echo, tfjsonpath.New("data").AtMapKey("client_secret"), knownvalue.StringExact("client-secret-of-a")),
			},
		}},
	})
}
