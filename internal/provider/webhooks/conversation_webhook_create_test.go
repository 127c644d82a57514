package webhooks_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const webhooksPath = "/v1/projects/project-1/webhooks"

// A webhook that was there before a create whose answer was lost, with the same target and triggers (the
// dashboard's, another workspace's), is never taken for the one the create made: when Sinch answered 500
// without making anything, the create is sent again, and the other webhook keeps its secret; when the
// create was made, that one is adopted.
func TestAccConversationWebhook_lostCreateNeverAdoptsAnotherWebhook(t *testing.T) {
	for name, tc := range map[string]struct {
		faults []sinchmock.Fault
		posts  int
	}{
		"not made: a 500, then made":    {[]sinchmock.Fault{{Status: http.StatusInternalServerError}}, 2},
		"made, then the answer is lost": {[]sinchmock.Fault{sinchmock.Lost(http.StatusInternalServerError)}, 1},
	} {
		t.Run(name, func(t *testing.T) {
			env := webhookEnv(t)
			dashboards := env.Mock.AddWebhook("project-1", sinchmock.Webhook{AppID: "app-1", Target: "https://handler.example/callbacks",
				Triggers: []string{"MESSAGE_DELIVERY"}, Secret: "the-dashboards-secret"})
			env.Mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, tc.faults...)
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{{
					Config: env.Config("", webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"},
						`secret = "webhook-secret-0123456789ab"`)),
					Check: func(s *terraform.State) error {
						managed := s.RootModule().Resources[testWebhook].Primary.ID
						kept, _ := env.Mock.Webhook(dashboards)
						hooks := env.Mock.Webhooks("app-1")
						switch {
						case managed == dashboards:
							return fmt.Errorf("the state took the dashboard's webhook")
						case kept.Secret != "the-dashboards-secret":
							return fmt.Errorf("the dashboard's webhook holds another secret now")
						case len(hooks) != 2 || hooks[1].ID != managed || hooks[1].Secret != "webhook-secret-0123456789ab":
							return fmt.Errorf("the app has %+v, the state %s", hooks, managed)
						case env.Mock.Counts().Post != tc.posts:
							return fmt.Errorf("%d POST, want %d", env.Mock.Counts().Post, tc.posts)
						}
						return nil
					},
				}},
			})
		})
	}
}

// A tainted webhook with create_before_destroy: the new one is created while the old one (deposed) still
// exists, with the same target and triggers. A create whose 500 made nothing must not adopt the deposed
// object, which Terraform then deletes: the app would be left without a webhook, and the apply would say
// that it succeeded.
func TestAccConversationWebhook_createBeforeDestroyOfATaintedWebhook(t *testing.T) {
	env := webhookEnv(t)
	env.ProcessPerCommand()
	hcl := env.Config("", `
resource "sinch_conversation_webhook" "test" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "https://handler.example/callbacks"
  triggers   = ["MESSAGE_DELIVERY"]
  secret     = "webhook-secret-0123456789ab"

  lifecycle {
    create_before_destroy = true
  }
}`)
	var first string
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: hcl, Check: func(*terraform.State) error { h, err := theWebhook(env); first = h.ID; return err }},
			{
				PreConfig: func() {
					env.Mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, sinchmock.Fault{Status: http.StatusInternalServerError})
				},
				Taint:  []string{testWebhook},
				Config: hcl,
				Check: func(s *terraform.State) error {
					hook, err := theWebhook(env)
					switch {
					case err != nil:
						return err
					case hook.ID == first:
						return fmt.Errorf("the app kept the tainted webhook")
					case s.RootModule().Resources[testWebhook].Primary.ID != hook.ID:
						return fmt.Errorf("the state holds %s, Sinch %s", s.RootModule().Resources[testWebhook].Primary.ID, hook.ID)
					}
					return nil
				},
			},
		},
	})
}

// A create whose answer was lost and that the list cannot settle says, in words, what happened to the
// connection, and gives the import ID of each webhook it may have made, in the form the configuration
// uses: ":write-only" with secret_wo.
func TestAccConversationWebhook_lostCreateSaysWhatToImport(t *testing.T) {
	list := "/v1/projects/project-1/apps/app-1/webhooks"
	for name, tc := range map[string]struct {
		extra  string
		script func(env *acctest.TestEnv)
		want   []string
	}{
		"the list fails too": {
			extra: `secret = "webhook-secret-0123456789ab"`,
			script: func(env *acctest.TestEnv) {
				env.Mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, sinchmock.Lost(0))
				env.Mock.Script(sinchmock.Conversation, http.MethodGet, list, sinchmock.Fault{}, sinchmock.Fault{Drop: true},
					sinchmock.Fault{Drop: true}, sinchmock.Fault{Drop: true}, sinchmock.Fault{Drop: true}, sinchmock.Fault{Drop: true})
			},
			want: []string{"Sinch may have made the webhook", `The create of a webhook of app "app-1" of project "project-1" reached Sinch, but its answer did not come back: the connection was closed before`,
				"the list of the app's webhooks, which would tell, failed too (the connection was closed before",
				`import it into this resource with the ID "project-1/<webhook ID>"`, "Nothing is stored in state"},
		},
		"two new webhooks match, write-only": {
			extra: `secret_wo = "webhook-secret-0123456789ab"`,
			script: func(env *acctest.TestEnv) {
				env.Mock.Script(sinchmock.Conversation, http.MethodPost, webhooksPath, sinchmock.Fault{Status: 504, After: true, Delay: 300e6})
				// The same webhook made in the dashboard while the create's answer is on its way.
				env.Mock.Script(sinchmock.Conversation, http.MethodGet, list, sinchmock.Fault{}, sinchmock.Fault{Delay: 100e6})
				go func() {
					for env.Mock.Counts().Post == 0 {
						sleepBriefly()
					}
					env.Mock.AddWebhook("project-1", sinchmock.Webhook{AppID: "app-1", Target: "https://handler.example/callbacks", Triggers: []string{"MESSAGE_DELIVERY"}})
				}()
			},
			want: []string{"Sinch may have made the webhook", "Sinch answered HTTP 504", "2 webhooks new to the app match it",
				`:write-only"`, "and delete the others"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			env := webhookEnv(t)
			tc.script(env)
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{{
					Config:      env.ConfigWith("max_retries = 1", webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"}, tc.extra)),
					ExpectError: acctest.ErrorLike(tc.want...),
				}},
			})
		})
	}
}

func sleepBriefly() { time.Sleep(5 * time.Millisecond) }
