package webhooks_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const (
	testProvisioning = "sinch_provisioning_webhook.test"
	provisioningPath = "/v1/projects/project-1/webhooks"
)

// provisioningHCL is a Provisioning API webhook of project-1 with the given target and triggers, and
// the secret's arguments.
func provisioningHCL(target string, triggers []string, secret string) string {
	return fmt.Sprintf(`
resource "sinch_provisioning_webhook" "test" {
  project_id = "project-1"
  target     = %q
  triggers   = %s
  %s
}`, target, hclList(triggers), secret)
}

// theProvisioningWebhook is the one Provisioning API webhook of project-1 at the mock, secret included.
func theProvisioningWebhook(e *acctest.TestEnv) (sinchmock.ProvisioningWebhook, error) {
	hooks := e.Mock.ProvisioningWebhooks("project-1")
	if len(hooks) != 1 {
		return sinchmock.ProvisioningWebhook{}, fmt.Errorf("project-1 has %d Provisioning webhooks at Sinch, want 1", len(hooks))
	}
	return hooks[0], nil
}

// expectProvisioningWebhook checks the one Provisioning API webhook of project-1 at the mock.
func expectProvisioningWebhook(e *acctest.TestEnv, target string, triggers []string, secret string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		hook, err := theProvisioningWebhook(e)
		if err != nil {
			return err
		}
		sorted := slices.Sorted(slices.Values(hook.Triggers))
		if hook.Target != target || !slices.Equal(sorted, slices.Sorted(slices.Values(triggers))) || hook.Secret != secret {
			return fmt.Errorf("Sinch holds %s %v with secret %q, want %s %v with %q", hook.Target, hook.Triggers, hook.Secret, target, triggers, secret)
		}
		return nil
	}
}

// expectProvisioningPatch checks the body of the one PATCH since the step began, or that none was sent:
// the fields that changed, alone, and no update_mask.
func expectProvisioningPatch(e *acctest.TestEnv, body string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var patches []sinchmock.Request
		for _, r := range e.Mock.Requests() {
			if r.Method == http.MethodPatch && r.API == sinchmock.Provisioning {
				patches = append(patches, r)
			}
		}
		got := e.CountsSinceStart().Patch
		switch {
		case body == "" && got == 0:
			return nil
		case got != 1 || patches[len(patches)-1].Body != body || patches[len(patches)-1].Query != "":
			return fmt.Errorf("%d PATCH in the step (the last %+v); want one, with %s", got, patches, body)
		}
		return nil
	}
}

// The life of a webhook of the Provisioning API: created with one POST of target, secret and triggers
// (after the list that proves a lost create's webhook new); a plan with no change writes nothing; a new
// target and new triggers are one PATCH each of that field alone; a new secret_wo_version writes the
// secret; a target changed in the dashboard is shown and repaired; a webhook deleted at Sinch is planned
// again; destroy deletes it. The secret never reaches the state.
func TestAccProvisioningWebhook_lifecycle(t *testing.T) {
	env := webhookEnv(t)
	triggers := []string{"WHATSAPP_SENDER_ACTIVE", "WHATSAPP_TEMPLATE_APPROVED"}
	writeOnly := func(version int) string {
		return fmt.Sprintf("secret_wo = var.secret\n  secret_wo_version = %d", version)
	}
	step := func(target string, triggers []string, version int, secret string) resource.TestStep {
		return resource.TestStep{
			PreConfig:       env.StartCounting,
			Config:          env.Config("", acctest.SecretVariableHCL+provisioningHCL(target, triggers, writeOnly(version))),
			ConfigVariables: config.Variables{"secret": config.StringVariable(secret)},
		}
	}
	var deleted string
	lifecycle := []resource.TestStep{
		func() resource.TestStep {
			s := step("https://onboarding.example/events", triggers, 1, "onboarding-secret-0123456789")
			s.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testProvisioning, plancheck.ResourceActionCreate),
				plancheck.ExpectKnownValue(testProvisioning, tfjsonpath.New("secret_wo_status"), knownvalue.StringExact("written")),
			}}
			s.ConfigStateChecks = []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testProvisioning, tfjsonpath.New("id"), knownvalue.StringRegexp(regexpOf(`^01[0-9A-Z]{24}$`))),
				statecheck.ExpectKnownValue(testProvisioning, tfjsonpath.New("secret_wo_status"), knownvalue.StringExact("written")),
				statecheck.ExpectKnownValue(testProvisioning, tfjsonpath.New("secret"), knownvalue.Null()),
			}
			s.Check = resource.ComposeAggregateTestCheckFunc(env.ExpectRequests(sinchmock.Counts{Token: 1, Get: 1, Post: 1}),
				expectProvisioningWebhook(env, "https://onboarding.example/events", triggers, "onboarding-secret-0123456789"))
			return s
		}(),
		func() resource.TestStep {
			// The same configuration, with another value of the secret: with a version that did not change,
			// nothing is written (an ephemeral random password is new on every run).
			s := step("https://onboarding.example/events", triggers, 1, "another-random-value-0123456789")
			s.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
			s.Check = env.ExpectRequests(sinchmock.Counts{Get: 1})
			return s
		}(),
		func() resource.TestStep {
			s := step("https://onboarding.example/v2", triggers, 1, "onboarding-secret-0123456789")
			s.Check = resource.ComposeAggregateTestCheckFunc(expectProvisioningPatch(env, `{"target":"https://onboarding.example/v2"}`),
				expectProvisioningWebhook(env, "https://onboarding.example/v2", triggers, "onboarding-secret-0123456789"))
			return s
		}(),
		func() resource.TestStep {
			s := step("https://onboarding.example/v2", []string{"ALL"}, 1, "onboarding-secret-0123456789")
			s.Check = resource.ComposeAggregateTestCheckFunc(expectProvisioningPatch(env, `{"triggers":["ALL"]}`),
				expectProvisioningWebhook(env, "https://onboarding.example/v2", []string{"ALL"}, "onboarding-secret-0123456789"))
			return s
		}(),
		func() resource.TestStep {
			// Sinch never answers the secret: a new version is the way to write it again.
			s := step("https://onboarding.example/v2", []string{"ALL"}, 2, "rotated-secret-0123456789")
			s.Check = resource.ComposeAggregateTestCheckFunc(expectProvisioningPatch(env, `{"secret":"rotated-secret-0123456789"}`),
				expectProvisioningWebhook(env, "https://onboarding.example/v2", []string{"ALL"}, "rotated-secret-0123456789"))
			return s
		}(),
		func() resource.TestStep {
			// The target changed in the dashboard: shown in the plan, and repaired.
			s := step("https://onboarding.example/v2", []string{"ALL"}, 2, "rotated-secret-0123456789")
			s.PreConfig = func() {
				hook, _ := theProvisioningWebhook(env)
				env.Mock.ChangeProvisioningWebhook(hook.ID, func(h *sinchmock.ProvisioningWebhook) { h.Target = "https://elsewhere.example/" })
				env.StartCounting()
			}
			s.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testProvisioning, plancheck.ResourceActionUpdate)}}
			s.Check = resource.ComposeAggregateTestCheckFunc(expectProvisioningPatch(env, `{"target":"https://onboarding.example/v2"}`),
				expectProvisioningWebhook(env, "https://onboarding.example/v2", []string{"ALL"}, "rotated-secret-0123456789"))
			return s
		}(),
		func() resource.TestStep {
			// Deleted at Sinch: the next plan creates it again, with the configured secret.
			s := step("https://onboarding.example/v2", []string{"ALL"}, 2, "rotated-secret-0123456789")
			s.PreConfig = func() {
				hook, _ := theProvisioningWebhook(env)
				deleted = hook.ID
				env.Mock.DeleteProvisioningWebhook(hook.ID)
			}
			s.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testProvisioning, plancheck.ResourceActionCreate)}}
			s.Check = func(st *terraform.State) error {
				hook, err := theProvisioningWebhook(env)
				if err == nil && (hook.ID == deleted || hook.Secret != "rotated-secret-0123456789") {
					err = fmt.Errorf("Sinch holds %+v", hook)
				}
				return err
			}
			return s
		}(),
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps:                    lifecycle,
		CheckDestroy: func(*terraform.State) error {
			if n := len(env.Mock.ProvisioningWebhooks("project-1")); n != 0 {
				return fmt.Errorf("%d webhooks after destroy", n)
			}
			return nil
		},
	})
}

// A create whose answer is lost, after Sinch made the webhook (a 500, or a dropped connection): exactly
// one webhook with the target, managed, with the configured secret written to it.
func TestAccProvisioningWebhook_lostAnswer(t *testing.T) {
	for name, fault := range map[string]sinchmock.Fault{
		"made, then a 500":                  sinchmock.Lost(500),
		"made, then the connection dropped": sinchmock.Lost(0),
	} {
		t.Run(name, func(t *testing.T) {
			env := webhookEnv(t)
			env.Mock.Script(sinchmock.Provisioning, http.MethodPost, provisioningPath, fault)
			hcl := env.Config("", provisioningHCL("https://onboarding.example/events", []string{"ALL"}, `secret = "onboarding-secret-0123456789"`))
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{
					{
						Config: hcl,
						Check: resource.ComposeAggregateTestCheckFunc(
							expectProvisioningWebhook(env, "https://onboarding.example/events", []string{"ALL"}, "onboarding-secret-0123456789"),
							func(s *terraform.State) error {
								hook, _ := theProvisioningWebhook(env)
								if id := s.RootModule().Resources[testProvisioning].Primary.ID; id != hook.ID || env.Mock.CountsOf(sinchmock.Provisioning).Post != 1 {
									return fmt.Errorf("the state holds %s, Sinch %s, after %d POST", id, hook.ID, env.Mock.CountsOf(sinchmock.Provisioning).Post)
								}
								return nil
							}),
					},
					{Config: hcl, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				},
			})
		})
	}
}

// What Sinch refuses: a target that another webhook of the project has (the error names it, and the
// import that manages it), found before the create, or after Sinch refused it in words of its own; the
// sixteenth webhook of a project; ALL beside another trigger, at plan.
func TestAccProvisioningWebhook_refusals(t *testing.T) {
	t.Run("a target the project has", func(t *testing.T) {
		env := webhookEnv(t)
		there := env.Mock.AddProvisioningWebhook("project-1", sinchmock.ProvisioningWebhook{Target: "https://onboarding.example/events",
			Triggers: []string{"ALL"}, Secret: "the-dashboards-secret"})
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories,
			Steps: []resource.TestStep{{
				Config:          env.Config("", acctest.SecretVariableHCL+provisioningHCL("https://onboarding.example/events", []string{"ALL"}, "secret_wo = var.secret")),
				ConfigVariables: config.Variables{"secret": config.StringVariable("onboarding-secret-0123456789")},
				ExpectError: acctest.ErrorLike("Target taken", `Webhook "`+there+`" of project "project-1" has the target "https://onboarding.example/events" already`,
					`id = "project-1/`+there+`:write-only"`, "terraform import sinch_provisioning_webhook.<name>"),
			}},
		})
		if c := env.Mock.CountsOf(sinchmock.Provisioning); c.Post != 0 {
			t.Errorf("%d POST for a target the list showed", c.Post)
		}
	})
	t.Run("the sixteenth webhook", func(t *testing.T) {
		env := webhookEnv(t)
		for i := range 15 {
			env.Mock.AddProvisioningWebhook("project-1", sinchmock.ProvisioningWebhook{Target: fmt.Sprintf("https://%02d.example/", i),
				Triggers: []string{"ALL"}, Secret: "s"})
		}
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories,
			Steps: []resource.TestStep{{
				Config: env.Config("", provisioningHCL("https://sixteenth.example/", []string{"ALL"}, `secret = "onboarding-secret-0123456789"`)),
				ExpectError: acctest.ErrorLike("Too many webhooks", `Sinch refused a new webhook for project "project-1"`,
					"a project has at most 15 webhooks, and the project has 15 already", "Nothing is stored in state",
					"sinch_provisioning_webhooks lists them"),
			}},
		})
	})
	t.Run("ALL beside another trigger", func(t *testing.T) {
		env := webhookEnv(t)
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories,
			Steps: []resource.TestStep{{
				Config: env.Config("", provisioningHCL("https://onboarding.example/", []string{"ALL", "BUNDLE_DONE"},
					`secret = "onboarding-secret-0123456789"`)),
				PlanOnly:    true,
				ExpectError: acctest.ErrorLike("Invalid webhook triggers", "ALL stands for every event, and Sinch refuses it beside other triggers (BUNDLE_DONE)"),
			}},
		})
		if n := len(env.Mock.Requests()); n != 0 {
			t.Errorf("a refused plan made %d requests", n)
		}
	})
	t.Run("no secret", func(t *testing.T) {
		env := webhookEnv(t)
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories,
			Steps: []resource.TestStep{{
				Config:      env.Config("", provisioningHCL("https://onboarding.example/", []string{"ALL"}, "")),
				PlanOnly:    true,
				ExpectError: acctest.ErrorLike("Missing secret"),
			}},
		})
	})
}

// Imports, both ways: the plan after either says that the apply writes the secret, which Sinch never
// answers, and writes it; with ":write-only" the secret reaches neither the state nor the plan.
func TestAccProvisioningWebhook_import(t *testing.T) {
	for name, tc := range map[string]struct {
		secret, suffix string
		notInPlan      acctest.PlanWithout
	}{
		"plaintext":  {`secret = "configured-secret-0123456789"`, "", acctest.PlanWithout{"the-dashboards-secret"}},
		"write-only": {"secret_wo = var.secret", ":write-only", acctest.PlanWithout{"the-dashboards-secret", "configured-secret-0123456789"}},
	} {
		t.Run(name, func(t *testing.T) {
			env := webhookEnv(t)
			id := env.Mock.AddProvisioningWebhook("project-1", sinchmock.ProvisioningWebhook{Target: "https://onboarding.example/events",
				Triggers: []string{"ALL"}, Secret: "the-dashboards-secret"})
			hcl := env.Config("", acctest.SecretVariableHCL+provisioningHCL("https://onboarding.example/events", []string{"ALL"}, tc.secret)+`
import {
  to = sinch_provisioning_webhook.test
  id = "project-1/`+id+tc.suffix+`"
}`)
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.WriteOnlyVersions,
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{{
					Config:          hcl,
					ConfigVariables: config.Variables{"secret": config.StringVariable("configured-secret-0123456789")},
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testProvisioning, plancheck.ResourceActionUpdate),
						tc.notInPlan,
					}},
					ConfigStateChecks: []statecheck.StateCheck{acctest.StateWithout{"the-dashboards-secret"}},
					Check:             expectProvisioningWebhook(env, "https://onboarding.example/events", []string{"ALL"}, "configured-secret-0123456789"),
				}},
			})
		})
	}
}

// The list data source reads every page of Sinch's list; the one-webhook data source reads a webhook by
// its ID. Neither holds a secret: Sinch never answers one.
func TestAccProvisioningWebhook_readers(t *testing.T) {
	env := webhookEnv(t, func(o *sinchmock.Options) { o.ProvisioningPageSize = 2 })
	var ids []string
	for i := range 5 {
		ids = append(ids, env.Mock.AddProvisioningWebhook("project-1", sinchmock.ProvisioningWebhook{
			Target: fmt.Sprintf("https://%d.example/", i), Triggers: []string{"BUNDLE_DONE"}, Secret: fmt.Sprintf("secret-%d-0123456789", i)}))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			PreConfig: env.StartCounting,
			Config: env.Config("project-1", fmt.Sprintf(`
data "sinch_provisioning_webhooks" "all" {}

data "sinch_provisioning_webhook" "one" {
  id = %q
}`, ids[3])),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.sinch_provisioning_webhooks.all", tfjsonpath.New("webhooks"), knownvalue.ListSizeExact(5)),
				statecheck.ExpectKnownValue("data.sinch_provisioning_webhooks.all", tfjsonpath.New("webhooks").AtSliceIndex(4).AtMapKey("target"),
					knownvalue.StringExact("https://4.example/")),
				statecheck.ExpectKnownValue("data.sinch_provisioning_webhook.one", tfjsonpath.New("target"), knownvalue.StringExact("https://3.example/")),
				acctest.StateWithout{"secret-0-0123456789", "secret-3-0123456789", "secret-4-0123456789"},
			},
			Check: func(*terraform.State) error {
				// A plan and an apply read the list, three pages each time.
				if gets := env.CountsSinceStart().Get; gets%4 != 0 || gets == 0 {
					return fmt.Errorf("%d GET: want pages of the list (3) and the webhook (1), per read", gets)
				}
				return nil
			},
		}},
	})
}

// No secret of a write-only webhook reaches a plan file, the state, the CLI's output or the TRACE log.
func TestProvisioningWebhookSecretsStayOut(t *testing.T) {
	mock := webhookEnv(t).Mock
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, r.Dir+"/main.tf", acctest.CLIProviderBlock+`
variable "secret_version" {
  type = number
}

resource "sinch_provisioning_webhook" "this" {
  project_id        = "project-1"
  target            = "https://onboarding.example/events"
  triggers          = ["WHATSAPP_SENDER_ACTIVE"]
  secret_wo         = var.secret
  secret_wo_version = var.secret_version
}
`)
	secrets := []string{"onboarding-secret-1-7d3c2b1a", "onboarding-secret-2-9e8f7a6b"}
	for i, s := range secrets {
		env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=" + s, fmt.Sprintf("TF_VAR_secret_version=%d", i+1)}
		r.Run(true, env, "plan", "-input=false", fmt.Sprintf("-out=%d.tfplan", i))
		r.Run(true, env, "apply", "-input=false", fmt.Sprintf("%d.tfplan", i))
		if hook := mock.ProvisioningWebhooks("project-1"); len(hook) != 1 || hook[0].Secret != s {
			t.Fatalf("Sinch holds %+v", hook)
		}
	}
	for i, s := range secrets {
		if acctest.PlanFileHolds(t, fmt.Sprintf("%s/%d.tfplan", r.Dir, i), s) || r.StateHolds(s) || strings.Contains(r.Log(), s) {
			t.Errorf("a plan file, the state or the TRACE log holds a secret (%.8s…)", s)
		}
		for _, out := range r.Outputs {
			if strings.Contains(out, s) {
				t.Errorf("the CLI printed a secret (%.8s…)", s)
			}
		}
	}
	if !strings.Contains(r.Log(), "path=/v1/projects/project-1/webhooks") {
		t.Fatal("the TRACE log lacks the provider's entries: the check proves nothing")
	}
}

// TestProvisioningWebhookWarnings: what Sinch would take but should not, or will refuse, is warned at
// plan, once: an http target, a trigger the provider does not know, more than 15 webhooks on a project,
// one target twice; and the plan after an import says that the apply writes the secret.
func TestProvisioningWebhookWarnings(t *testing.T) {
	env := webhookEnv(t)
	r := acctest.NewCLIRun(t, env.Mock)
	hcl := acctest.CLIProviderBlock + `
resource "sinch_provisioning_webhook" "cleartext" {
  project_id = "project-1"
  target     = "http://onboarding.example/events"
  triggers   = ["WHATSAPP_SENDER_ACTIVE", "WHATSAPP_SENDER_TELEPATHIC"]
  secret_wo  = var.secret
}
`
	for i := range 16 {
		target := fmt.Sprintf("https://onboarding.example/%d", i)
		if i == 15 {
			target = "https://onboarding.example/0"
		}
		hcl += fmt.Sprintf(`
resource "sinch_provisioning_webhook" "w%d" {
  project_id = "project-1"
  target     = %q
  triggers   = ["ALL"]
  secret_wo  = var.secret
}
`, i, target)
	}
	acctest.WriteFile(t, r.Dir+"/main.tf", hcl)
	env1 := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"}
	out := r.Run(true, env1, "plan", "-input=false")
	acctest.ExpectSays(t, out,
		"Warning: Callbacks in clear text", "The webhook's target is an http:// URL",
		"Warning: Trigger not known to the provider", "This provider does not know the trigger(s) WHATSAPP_SENDER_TELEPATHIC",
		"Warning: More webhooks than a project may have", `This configuration puts more than 15 webhooks on project "project-1"`,
		"Warning: One target, two webhooks", `gives the target "https://onboarding.example/0" to two webhooks of project "project-1"`,
		"17 to add")
	for _, summary := range []string{"Callbacks in clear text", "Trigger not known", "More webhooks than", "One target, two webhooks"} {
		if n := strings.Count(out, "Warning: "+summary); n != 1 || strings.Contains(out, "similar warning") {
			t.Errorf("%d warnings %q, want one:\n%s", n, summary, out)
		}
	}

	id := env.Mock.AddProvisioningWebhook("project-1", sinchmock.ProvisioningWebhook{Target: "https://imported.example/",
		Triggers: []string{"ALL"}, Secret: "the-dashboards-secret"})
	acctest.WriteFile(t, r.Dir+"/main.tf", acctest.CLIProviderBlock+`
import {
  to = sinch_provisioning_webhook.imported
  id = "project-1/`+id+`:write-only"
}

resource "sinch_provisioning_webhook" "imported" {
  project_id = "project-1"
  target     = "https://imported.example/"
  triggers   = ["ALL"]
  secret_wo  = var.secret
}
`)
	out = r.Run(true, env1, "plan", "-input=false")
	acctest.ExpectSays(t, out, "Warning: The apply writes the webhook's secret",
		`Sinch never answers a Provisioning webhook's secret, so the state holds nothing of the secret webhook "`+id+`" has now`,
		"the apply writes the configured secret_wo to it", "1 to import, 0 to add, 1 to change")
}
