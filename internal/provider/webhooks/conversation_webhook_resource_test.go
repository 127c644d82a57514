package webhooks_test

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const testWebhook = "sinch_conversation_webhook.test"

// webhookEnv is a mock with project-1 and its apps app-1 and app-2, and a provider that talks to it.
func webhookEnv(t *testing.T, change ...func(*sinchmock.Options)) *acctest.TestEnv {
	t.Helper()
	opts := sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "s"},
		Apps: map[string]string{"app-1": "project-1", "app-2": "project-1"}}
	for _, f := range change {
		f(&opts)
	}
	mock := sinchmock.Start(opts)
	t.Cleanup(mock.Close)
	return acctest.NewTestEnvFor(mock)
}

// webhookHCL is a webhook of app-1 with a plaintext secret, the given target and triggers, and extra
// arguments.
func webhookHCL(target string, triggers []string, extra string) string {
	return fmt.Sprintf(`
resource "sinch_conversation_webhook" "test" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = %q
  triggers   = %s
  %s
}`, target, hclList(triggers), extra)
}

func hclList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = fmt.Sprintf("%q", v)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// theWebhook is the one webhook of app-1 at the mock.
func theWebhook(e *acctest.TestEnv) (sinchmock.Webhook, error) {
	hooks := e.Mock.Webhooks("app-1")
	if len(hooks) != 1 {
		return sinchmock.Webhook{}, fmt.Errorf("app-1 has %d webhooks at Sinch, want 1", len(hooks))
	}
	return hooks[0], nil
}

// expectWebhook checks the one webhook of app-1 at the mock.
func expectWebhook(e *acctest.TestEnv, check func(sinchmock.Webhook) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		hook, err := theWebhook(e)
		if err != nil {
			return err
		}
		return check(hook)
	}
}

// expectPatch checks the update_mask of the last PATCH since the step began, or that none was sent.
func expectPatch(e *acctest.TestEnv, mask string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var patches []string
		for _, r := range e.Mock.Requests() {
			if r.Method == "PATCH" {
				query, _ := url.ParseQuery(r.Query)
				patches = append(patches, query.Get("update_mask"))
			}
		}
		if mask == "" && e.CountsSinceStart().Patch == 0 {
			return nil
		}
		if got := e.CountsSinceStart().Patch; got != 1 || patches[len(patches)-1] != mask {
			return fmt.Errorf("%d PATCH in the step (update_masks %q); want one, with %q", got, patches, mask)
		}
		return nil
	}
}

func TestAccConversationWebhook_lifecycle(t *testing.T) {
	env := webhookEnv(t)
	triggers := []string{"MESSAGE_DELIVERY", "MESSAGE_INBOUND"}
	plain := `secret = "webhook-secret-0123456789ab"`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				// Create: the list of the app before it, one POST, no read after it.
				PreConfig: env.StartCounting,
				Config:    env.Config("", webhookHCL("https://handler.example/callbacks", triggers, plain)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testWebhook, plancheck.ResourceActionCreate),
					plancheck.ExpectSensitiveValue(testWebhook, tfjsonpath.New("secret")),
					plancheck.ExpectKnownValue(testWebhook, tfjsonpath.New("target_type"), knownvalue.StringExact("HTTP")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testWebhook, tfjsonpath.New("id"), knownvalue.StringRegexp(regexpOf(`^01[0-9A-Z]{24}$`))),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectRequests(sinchmock.Counts{Token: 1, Get: 1, Post: 1}),
					expectWebhook(env, func(h sinchmock.Webhook) error {
						if h.Target != "https://handler.example/callbacks" || h.Secret != "webhook-secret-0123456789ab" ||
							!slices.Equal(h.Triggers, triggers) && !slices.Equal(h.Triggers, []string{triggers[1], triggers[0]}) {
							return fmt.Errorf("Sinch holds %+v", h)
						}
						return nil
					})),
			},
			{
				// Nothing changed: one GET, no write.
				PreConfig:        env.StartCounting,
				Config:           env.Config("", webhookHCL("https://handler.example/callbacks", triggers, plain)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            env.ExpectRequests(sinchmock.Counts{Get: 1}),
			},
			{
				// A new target: one PATCH, only the target masked.
				PreConfig: env.StartCounting,
				Config:    env.Config("", webhookHCL("https://handler.example/v2", triggers, plain)),
				Check: resource.ComposeAggregateTestCheckFunc(expectPatch(env, "target"),
					env.ExpectRequests(sinchmock.Counts{Get: 1, Patch: 1}),
					expectWebhook(env, func(h sinchmock.Webhook) error {
						if h.Target != "https://handler.example/v2" {
							return fmt.Errorf("target %q", h.Target)
						}
						return nil
					})),
			},
			{
				// New triggers: one PATCH, only the triggers masked.
				PreConfig: env.StartCounting,
				Config:    env.Config("", webhookHCL("https://handler.example/v2", []string{"EVENT_INBOUND"}, plain)),
				Check: resource.ComposeAggregateTestCheckFunc(expectPatch(env, "triggers"),
					expectWebhook(env, func(h sinchmock.Webhook) error {
						if !slices.Equal(h.Triggers, []string{"EVENT_INBOUND"}) || h.Target != "https://handler.example/v2" {
							return fmt.Errorf("Sinch holds %+v", h)
						}
						return nil
					})),
			},
			{
				// Drift of the target and the secret at Sinch: shown, and repaired by one PATCH.
				PreConfig: func() {
					env.StartCounting()
					hook, _ := theWebhook(env)
					env.Mock.ChangeWebhook(hook.ID, func(h *sinchmock.Webhook) { h.Target, h.Secret = "https://elsewhere.example/", "changed" })
				},
				Config: env.Config("", webhookHCL("https://handler.example/v2", []string{"EVENT_INBOUND"}, plain)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testWebhook, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testWebhook, tfjsonpath.New("target"), knownvalue.StringExact("https://handler.example/v2")),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(expectPatch(env, "target,secret"),
					expectWebhook(env, func(h sinchmock.Webhook) error {
						if h.Target != "https://handler.example/v2" || h.Secret != "webhook-secret-0123456789ab" {
							return fmt.Errorf("Sinch holds %+v", h)
						}
						return nil
					})),
			},
			{
				ResourceName:      testWebhook,
				ImportState:       true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { h, err := theWebhook(env); return "project-1/" + h.ID, err },
				ImportStateVerify: true,
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if hooks := env.Mock.Webhooks("app-1"); len(hooks) != 0 {
				return fmt.Errorf("%d webhooks left after destroy", len(hooks))
			}
			return nil
		},
	})
}

func regexpOf(pattern string) *regexp.Regexp { return regexp.MustCompile(pattern) }

// An answer without the secrets says nothing of them: the plan stays empty, in both forms, and a
// change of another field does not send them.
func TestAccConversationWebhook_answerWithoutSecrets(t *testing.T) {
	for name, argument := range map[string]string{
		"secret":    `secret = "webhook-secret-0123456789ab"`,
		"secret_wo": `secret_wo = "webhook-secret-0123456789ab"`,
	} {
		t.Run(name, func(t *testing.T) {
			env := webhookEnv(t, func(o *sinchmock.Options) { o.HideWebhookSecrets = true })
			config := func(target string) string {
				return env.Config("", webhookHCL(target, []string{"MESSAGE_DELIVERY"}, argument+`
  client_credentials = {
    client_id     = "client-1"
    endpoint      = "https://auth.example/token"
    client_secret = "client-secret-0123456789"
  }`))
			}
			empty := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.WriteOnlyVersions,
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{
					{Config: config("https://handler.example/a")},
					{Config: config("https://handler.example/a"), ConfigPlanChecks: empty},
					{PreConfig: env.StartCounting, Config: config("https://handler.example/b"), Check: expectPatch(env, "target")},
					{Config: config("https://handler.example/b"), ConfigPlanChecks: empty,
						Check: expectWebhook(env, func(h sinchmock.Webhook) error {
							if h.Secret != "webhook-secret-0123456789ab" || h.ClientCredentials.ClientSecret != "client-secret-0123456789" {
								return fmt.Errorf("Sinch holds %+v", h)
							}
							return nil
						})},
				},
			})
		})
	}
}

// A create whose answer is lost makes exactly one webhook, which the resource manages.
func TestAccConversationWebhook_lostAnswer(t *testing.T) {
	for name, fault := range map[string]sinchmock.Fault{
		"made, then a 500":                  sinchmock.Lost(500),
		"made, then the connection dropped": sinchmock.Lost(0),
	} {
		t.Run(name, func(t *testing.T) {
			env := webhookEnv(t)
			env.Mock.Script(sinchmock.Conversation, "POST", "/v1/projects/project-1/webhooks", fault)
			config := env.Config("", webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"},
				`secret = "webhook-secret-0123456789ab"`))
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{
					{
						Config: config,
						Check: func(s *terraform.State) error {
							hook, err := theWebhook(env)
							if err != nil {
								return err
							}
							if id := s.RootModule().Resources[testWebhook].Primary.ID; id != hook.ID {
								return fmt.Errorf("the state holds webhook %q, Sinch %q", id, hook.ID)
							}
							return nil
						},
					},
					{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				},
			})
			if c := env.Mock.Counts(); c.Post != 1 {
				t.Errorf("%d POST, want 1", c.Post)
			}
		})
	}
}

// The sixth webhook of an app: Sinch refuses it, the error says why and names the app, and nothing is
// stored.
func TestAccConversationWebhook_sixthOfAnApp(t *testing.T) {
	env := webhookEnv(t)
	var hcl string
	for i := range 6 {
		hcl += fmt.Sprintf(`
resource "sinch_conversation_webhook" "w%d" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "https://handler.example/%d"
  triggers   = ["MESSAGE_DELIVERY"]
  secret     = "webhook-secret-0123456789ab"
}`, i, i)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: env.Config("", hcl),
				ExpectError: acctest.ErrorLike("Too many webhooks", `Sinch refused a new webhook for app "app-1" of project "project-1"`,
					`Sinch says "App app-1 has reached the limit of 5 webhooks." (app_id: Too many webhooks.)`,
					"an app has at most 5 webhooks, and the app has 5 already", "https://handler.example/",
					"Nothing is stored in state", "the data source sinch_conversation_webhooks lists them"),
			},
			{
				// Five are managed, and the sixth is still to create.
				PreConfig: func() {
					if hooks := env.Mock.Webhooks("app-1"); len(hooks) != 5 {
						t.Errorf("app-1 has %d webhooks", len(hooks))
					}
				},
				Config:             env.Config("", hcl),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{actionCounts{"create": 1, "no-op": 5}}},
			},
		},
	})
}

// A webhook deleted at Sinch leaves the state at the next refresh, and the plan creates it again; a
// destroy deletes it.
func TestAccConversationWebhook_deletedAtSinch(t *testing.T) {
	env := webhookEnv(t)
	config := env.Config("", webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"}, `secret = "webhook-secret-0123456789ab"`))
	var first string
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config, Check: func(*terraform.State) error { h, err := theWebhook(env); first = h.ID; return err }},
			{
				PreConfig: func() { env.Mock.DeleteWebhook(first) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testWebhook, plancheck.ResourceActionCreate)}},
				Check: func(*terraform.State) error {
					if h, err := theWebhook(env); err != nil || h.ID == first {
						return fmt.Errorf("want a new webhook: %v", err)
					}
					return nil
				},
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(env.Mock.Webhooks("app-1")); n != 0 || env.Mock.Counts().Delete != 1 {
				return fmt.Errorf("%d webhooks and %d DELETE after destroy", n, env.Mock.Counts().Delete)
			}
			return nil
		},
	})
}

// Import by "<webhook ID>" with the provider's project, and with an import block.
func TestAccConversationWebhook_importWithTheProvidersProject(t *testing.T) {
	env := webhookEnv(t)
	env.Mock.AddApp("project-1", "app-1")
	hcl := webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"}, `secret = "webhook-secret-0123456789ab"`)
	var id string
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: env.Config("project-1", hcl), Check: func(*terraform.State) error { h, err := theWebhook(env); id = h.ID; return err }},
			{
				Config:            env.Config("project-1", hcl),
				ResourceName:      testWebhook,
				ImportState:       true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return id, nil },
				ImportStateVerify: true,
			},
			{
				Config:            env.Config("project-1", hcl),
				ResourceName:      testWebhook,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return "project-1/" + id, nil },
			},
			{
				// The two parts swapped: a hint, before any call.
				Config:       env.Config("project-1", hcl),
				ResourceName: testWebhook,
				ImportState:  true,
				ImportStateIdFunc: func(*terraform.State) (string, error) {
					return id + "/aad4ccbf-919d-462f-8587-dec95a1b11b0:write-only", nil
				},
				ExpectError: acctest.ErrorLike("Invalid import ID", `looks like a webhook ID where the project ID goes`,
					`did you mean "aad4ccbf-919d-462f-8587-dec95a1b11b0/`),
			},
		},
	})
}

// client_credentials comes, changes and goes, each time with one PATCH of client_credentials alone.
func TestAccConversationWebhook_clientCredentials(t *testing.T) {
	env := webhookEnv(t)
	config := func(credentials string) string {
		return env.Config("", webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"},
			`secret = "webhook-secret-0123456789ab"`+credentials))
	}
	credentials := func(scope string) string {
		return fmt.Sprintf(`
  client_credentials = {
    client_id          = "client-1"
    endpoint           = "https://auth.example/token"
    scope              = %q
    token_request_type = "FORM"
    client_secret      = "client-secret-0123456789"
  }`, scope)
	}
	expectScope := func(scope string) resource.TestCheckFunc {
		return expectWebhook(env, func(h sinchmock.Webhook) error {
			switch {
			case scope == "" && h.ClientCredentials != nil:
				return fmt.Errorf("Sinch still holds client credentials %+v", *h.ClientCredentials)
			case scope != "" && (h.ClientCredentials == nil || h.ClientCredentials.Scope != scope ||
				h.ClientCredentials.ClientSecret != "client-secret-0123456789" || h.ClientCredentials.TokenRequestType != "FORM"):
				return fmt.Errorf("Sinch holds %+v", h.ClientCredentials)
			}
			return nil
		})
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config("")},
			{PreConfig: env.StartCounting, Config: config(credentials("read")),
				Check: resource.ComposeAggregateTestCheckFunc(expectPatch(env, "client_credentials"), expectScope("read"))},
			{PreConfig: env.StartCounting, Config: config(credentials("write")),
				Check: resource.ComposeAggregateTestCheckFunc(expectPatch(env, "client_credentials"), expectScope("write"))},
			{Config: config(credentials("write")), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{PreConfig: env.StartCounting, Config: config(""),
				Check: resource.ComposeAggregateTestCheckFunc(expectPatch(env, "client_credentials"), expectScope(""))},
		},
	})
}

// What Sinch would refuse is an error at plan time, and nothing reaches Sinch.
func TestAccConversationWebhook_invalidInput(t *testing.T) {
	env := webhookEnv(t)
	for name, tc := range map[string]struct{ hcl, want string }{
		"target too long": {webhookHCL("https://handler.example/"+strings.Repeat("a", 720), []string{"MESSAGE_DELIVERY"}, ""),
			"is 744 characters long; Sinch accepts at most 742"},
		"a Conversation API host": {webhookHCL("https://conversation-api.eu.sinch.com/x", []string{"MESSAGE_DELIVERY"}, ""),
			`"conversation-api.eu.sinch.com" is a host of the Conversation API\s+itself`},
		"not a URL":               {webhookHCL("handler.example", []string{"MESSAGE_DELIVERY"}, ""), `"handler.example" is not an absolute https URL`},
		"no trigger":              {webhookHCL("https://handler.example/", []string{}, ""), "set must contain at least 1 elements"},
		"the unspecified trigger": {webhookHCL("https://handler.example/", []string{"UNSPECIFIED_TRIGGER"}, ""), "Sinch refuses UNSPECIFIED_TRIGGER"},
		"a trigger in lower case": {webhookHCL("https://handler.example/", []string{"message_delivery"}, ""),
			`"message_delivery" is not a trigger: Sinch's triggers are written in\s+capitals. Did\s+you\s+mean\s+"MESSAGE_DELIVERY"\?`},
		"a target type": {webhookHCL("https://handler.example/", []string{"MESSAGE_DELIVERY"}, `target_type = "SMTP"`), `value must be one of: \["HTTP" "DISMISS"\]`},
		"both secrets":  {webhookHCL("https://handler.example/", []string{"MESSAGE_DELIVERY"}, "secret = \"a-secret-0123456789\"\n  secret_wo = \"b-secret-0123456789\""), "Conflicting secrets"},
		"client credentials without a client secret": {webhookHCL("https://handler.example/", []string{"MESSAGE_DELIVERY"}, `client_credentials = {
    client_id = "c"
    endpoint  = "https://auth.example/token"
  }`), "Missing secret"},
	} {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.WriteOnlyVersions,
				ProtoV6ProviderFactories: env.Factories,
				Steps:                    []resource.TestStep{{Config: env.Config("", tc.hcl), ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
	if c := env.Mock.Counts(); c.Post+c.Patch != 0 {
		t.Errorf("invalid input reached Sinch: %+v", c)
	}
}

// actionCounts checks how many resources a plan gives each action, such as "create" and "no-op".
type actionCounts map[string]int

func (want actionCounts) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	got := map[string]int{}
	for _, change := range req.Plan.ResourceChanges {
		for _, action := range change.Change.Actions {
			got[string(action)]++
		}
	}
	if !maps.Equal(got, want) {
		resp.Error = fmt.Errorf("the plan's actions are %v, want %v", got, map[string]int(want))
	}
}

// A create whose answer names another secret than the one sent: the webhook was made, so it is kept in
// state, marked tainted, and the next apply replaces it (Sinch then holds one webhook, the new one).
func TestAccConversationWebhook_createAnsweredWithAnotherSecret(t *testing.T) {
	env := webhookEnv(t)
	env.Mock.Script(sinchmock.Conversation, "POST", "/v1/projects/project-1/webhooks",
		sinchmock.Fault{After: true, Replace: map[string]any{"secret": "not-the-one-sent"}})
	config := env.Config("", webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"}, `secret = "webhook-secret-0123456789ab"`))
	var first string
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config, ExpectError: acctest.ErrorLike("Sinch did not confirm the secret")},
			{
				PreConfig: func() { h, _ := theWebhook(env); first = h.ID },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testWebhook, plancheck.ResourceActionDestroyBeforeCreate)}},
				Check: expectWebhook(env, func(h sinchmock.Webhook) error {
					if h.ID == first || first == "" {
						return fmt.Errorf("the tainted webhook %q was not replaced", first)
					}
					return nil
				}),
			},
		},
	})
}
