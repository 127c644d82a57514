package webhooks_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Another region's host answers 404 for everything of an app that lives elsewhere: a refresh there must
// not drop the webhook from state (the next correct run would make a second one), and a destroy there must
// not report success while the webhook stays live. Both fail, naming the host and the region setting; at
// the right host, the same webhook is refreshed and destroyed.
func TestAccConversationWebhook_anotherRegionsNotFound(t *testing.T) {
	env := webhookEnv(t)
	eu := env.Mock.URLOf(sinchmock.ConversationEU)
	hcl := webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"}, `secret = "webhook-secret-0123456789ab"`)
	var id string
	stillThere := func(*terraform.State) error {
		hook, err := theWebhook(env)
		if err == nil && hook.ID != id {
			err = fmt.Errorf("Sinch holds webhook %s, want %s", hook.ID, id)
		}
		return err
	}
	notConfirmed := acctest.ErrorLike("Not confirmed by Sinch", "answered that it does not exist (HTTP 404", `the list of app "app-1"'s webhooks there answers that the app does not exist there either`,
		"Terraform leaves the state as it was", "the provider calls "+shared.HostOf(eu)+` (conversation_api_url "`+eu+`", from the provider block)`,
		"check that conversation_region (or SINCH_CONVERSATION_REGION), or conversation_api_url (or SINCH_CONVERSATION_API_URL), names the region of app \"app-1\"")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: env.Config("", hcl), Check: func(*terraform.State) error { h, err := theWebhook(env); id = h.ID; return err }},
			{Config: env.ConfigAt(eu, hcl), PlanOnly: true, ExpectError: notConfirmed},
			{Config: env.ConfigAt(eu, hcl), Destroy: true, ExpectError: notConfirmed},
			{PreConfig: func() { _ = stillThere(nil) }, Config: env.Config("", hcl), Check: stillThere},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(env.Mock.Webhooks("app-1")); n != 0 {
				return fmt.Errorf("%d webhooks after destroy at the right host", n)
			}
			return nil
		},
	})
}

// Sinch's "not found" says what to check: for an app, app_id and the region the provider calls; for a
// project, project_id and where it came from.
func TestAccNotFoundSaysWhatToCheck(t *testing.T) {
	env := webhookEnv(t)
	t.Setenv("SINCH_PROJECT_ID", "no-such-project")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: env.Config("", strings.Replace(webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"},
					`secret = "webhook-secret-0123456789ab"`), `"app-1"`, `"no-such-app"`, 1)),
				ExpectError: acctest.ErrorLike("Not found at Sinch", `on terraform_plugin_test.tf`, `app_id`, `Sinch says app "no-such-app" does not exist`,
					"Check app_id. An app and its webhooks live in one region, and the provider calls "+shared.HostOf(env.Mock.ConversationURL),
					`names the region of app "no-such-app"`),
			},
			{
				// The provider's project, from the environment.
				Config: env.ConfigWith("", `
resource "sinch_numbers_callback_configuration" "test" {
  hmac_secret = "some-secret-0123456789"
}`),
				ExpectError: acctest.ErrorLike("Not found at Sinch", `Sinch says project "no-such-project" does not exist`,
					"Check project_id: this resource's own, or else the provider's, which comes from the SINCH_PROJECT_ID environment variable."),
			},
		},
	})
}

// The region and the URL of the Conversation API pick one host, which the provider block decides when it
// sets either: an environment variable does not beat the block, and the plan says which it used.
func TestConversationHostFromTwoPlaces(t *testing.T) {
	mock := acctest.WebhookMock(t)
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
provider "sinch" {
  conversation_region = "eu"
}

resource "sinch_conversation_webhook" "this" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "https://handler.example/callbacks"
  triggers   = ["MESSAGE_DELIVERY"]
  secret_wo  = var.secret
}
`)
	// The harness sets SINCH_CONVERSATION_API_URL to the mock.
	out := r.Run(true, []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"}, "plan", "-input=false")
	acctest.ExpectSays(t, out, "Warning: Sinch provider settings from two places", "the environment sets SINCH_CONVERSATION_API_URL too",
		`it calls eu.conversation.api.sinch.com (conversation_region "eu", from the provider block)`, "1 to add")
}
