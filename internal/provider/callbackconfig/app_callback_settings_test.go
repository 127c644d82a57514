package callbackconfig_test

import (
	"fmt"
	"net/http"
	"path/filepath"
	"reflect"
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

const testAppSettings = "sinch_conversation_app_callback_settings.test"

// appEnv is a mock with app-1 of project-1 (and project-2, with no app), and a provider that talks to it.
func appEnv(t *testing.T, hideSecrets bool) *acctest.TestEnv {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{"project-1": "s", "project-2": "s"}, Apps: map[string]string{"app-1": "project-1"},
		HideAppSecrets: hideSecrets})
	t.Cleanup(mock.Close)
	return acctest.NewTestEnvFor(mock)
}

// appHCL is the callback settings of app-1 of project-1 with the secret's arguments.
func appHCL(secret string) string {
	return fmt.Sprintf(`
resource "sinch_conversation_app_callback_settings" "test" {
  project_id = "project-1"
  app_id     = "app-1"
  %s
}`, secret)
}

// expectAppAtSinch checks that app-1 holds the secret, and that every PATCH of an app the mock received
// named callback_settings, alone, in update_mask, and sent nothing else: the app's other fields are
// those the dashboard made.
func expectAppAtSinch(e *acctest.TestEnv, secret string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		app, _ := e.Mock.App("app-1")
		if app.CallbackSettings.SecretForOverriddenCallbackURLs != secret {
			return fmt.Errorf("app-1 holds the secret %q, want %q", app.CallbackSettings.SecretForOverriddenCallbackURLs, secret)
		}
		untouched := sinchmock.App{ID: "app-1", ProjectID: "project-1", DisplayName: "App app-1", ChannelCredentials: []sinchmock.ChannelCredential{{
			Channel: "SMS", StaticBearer: &sinchmock.StaticBearer{ClaimedIdentity: "service-plan-of-app-1", Token: "sms-token-of-app-1"}}},
			CallbackSettings: app.CallbackSettings}
		if !reflect.DeepEqual(app, untouched) {
			return fmt.Errorf("the app's other fields changed: %+v", app)
		}
		for _, r := range e.Mock.Requests() {
			if r.Method == http.MethodPatch && (r.Query != "update_mask=callback_settings" ||
				!strings.HasPrefix(r.Body, `{"callback_settings":{"secret_for_overridden_callback_urls":`) || strings.Count(r.Body, ":") != 2) {
				return fmt.Errorf("a PATCH of %s?%s with %s", r.Path, r.Query, r.Body)
			}
		}
		return nil
	}
}

// The life of an app's secret, in the plain form: a create is one PATCH with update_mask=callback_settings
// (after the plan's read of what Sinch holds); a plan with no change writes nothing; a secret changed in
// the dashboard is shown in the plan and repaired; a new secret is one PATCH; destroy leaves the secret
// at Sinch. The app's channel credentials are never touched.
func TestAccAppCallbackSettings_lifecycle(t *testing.T) {
	env := appEnv(t, false)
	step := func(secret string) resource.TestStep {
		return resource.TestStep{PreConfig: env.StartCounting, Config: env.Config("", appHCL(fmt.Sprintf("secret = %q", secret)))}
	}
	create := step("first-app-secret-0123456789")
	create.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testAppSettings, plancheck.ResourceActionCreate),
		plancheck.ExpectKnownValue(testAppSettings, tfjsonpath.New("id"), knownvalue.StringExact("project-1/app-1")),
	}}
	create.Check = resource.ComposeAggregateTestCheckFunc(expectAppAtSinch(env, "first-app-secret-0123456789"),
		resource.TestCheckResourceAttr(testAppSettings, "secret", "first-app-secret-0123456789"),
		func(*terraform.State) error {
			if c := env.CountsSinceStart(); c.Patch != 1 || c.Put+c.Post+c.Delete != 0 {
				return fmt.Errorf("the create sent %+v, want one PATCH", c)
			}
			return nil
		})
	same := step("first-app-secret-0123456789")
	same.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	same.Check = env.ExpectRequests(sinchmock.Counts{Get: 1})
	drift := step("first-app-secret-0123456789")
	drift.PreConfig = func() { env.Mock.SetAppCallbackSecret("app-1", "changed-in-the-dashboard"); env.StartCounting() }
	drift.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testAppSettings, plancheck.ResourceActionUpdate)}}
	drift.Check = resource.ComposeAggregateTestCheckFunc(expectAppAtSinch(env, "first-app-secret-0123456789"),
		env.ExpectRequests(sinchmock.Counts{Get: 1, Patch: 1}))
	rotate := step("second-app-secret-0123456789")
	rotate.Check = resource.ComposeAggregateTestCheckFunc(expectAppAtSinch(env, "second-app-secret-0123456789"),
		env.ExpectRequests(sinchmock.Counts{Get: 1, Patch: 1}))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps:                    []resource.TestStep{create, same, drift, rotate},
		CheckDestroy: func(*terraform.State) error {
			return expectAppAtSinch(env, "second-app-secret-0123456789")(nil)
		},
	})
}

// The write-only form: the secret never reaches the plan or the state; a new value with the same version
// writes nothing; a new version writes it; a change in the dashboard is seen through the digest and
// repaired. Where Sinch does not answer the secret, a change in the dashboard cannot be seen, and a new
// version is what writes it again.
func TestAccAppCallbackSettings_writeOnly(t *testing.T) {
	for _, hidden := range []bool{false, true} {
		t.Run(fmt.Sprintf("secret answered: %v", !hidden), func(t *testing.T) {
			env := appEnv(t, hidden)
			step := func(secret string, version int) resource.TestStep {
				return resource.TestStep{PreConfig: env.StartCounting,
					Config: env.Config("", acctest.SecretVariableHCL+appHCL(
						fmt.Sprintf("secret_wo = var.secret\n  secret_wo_version = %d", version))),
					ConfigVariables: config.Variables{"secret": config.StringVariable(secret)}}
			}
			secrets := []string{"write-only-app-one-0123456789", "write-only-app-two-0123456789", "another-value-0123456789"}
			create := step(secrets[0], 1)
			create.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{acctest.PlanWithout(secrets)}}
			create.ConfigStateChecks = []statecheck.StateCheck{acctest.StateWithout(secrets),
				statecheck.ExpectKnownValue(testAppSettings, tfjsonpath.New("secret"), knownvalue.Null()),
				statecheck.ExpectKnownValue(testAppSettings, tfjsonpath.New("secret_wo_status"), knownvalue.StringExact("applied"))}
			create.Check = expectAppAtSinch(env, secrets[0])
			sameVersion := step(secrets[2], 1)
			sameVersion.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
			sameVersion.Check = expectAppAtSinch(env, secrets[0])
			newVersion := step(secrets[1], 2)
			newVersion.Check = resource.ComposeAggregateTestCheckFunc(expectAppAtSinch(env, secrets[1]),
				env.ExpectRequests(sinchmock.Counts{Get: 1, Patch: 1}))
			// A change in the dashboard: with a version that did not change, nothing is written; where Sinch
			// answers the secret, the status says so; a new version writes it again.
			drift := step(secrets[1], 2)
			drift.PreConfig = func() { env.Mock.SetAppCallbackSecret("app-1", "changed-in-the-dashboard") }
			drift.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
			status := "drifted"
			if hidden {
				status = "applied"
			}
			drift.ConfigStateChecks = []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAppSettings, tfjsonpath.New("secret_wo_status"), knownvalue.StringExact(status))}
			drift.Check = expectAppAtSinch(env, "changed-in-the-dashboard")
			repair := step(secrets[1], 3)
			repair.ConfigStateChecks = []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAppSettings, tfjsonpath.New("secret_wo_status"), knownvalue.StringExact("applied"))}
			repair.Check = expectAppAtSinch(env, secrets[1])
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.WriteOnlyVersions,
				ProtoV6ProviderFactories: env.Factories,
				Steps:                    []resource.TestStep{create, sameVersion, newVersion, drift, repair},
			})
		})
	}
}

// An import by "<project ID>/<app ID>", by "<app ID>" with the provider's project, and by
// "...:write-only"; the plan after it writes only what differs from what Sinch holds.
func TestAccAppCallbackSettings_import(t *testing.T) {
	env := appEnv(t, false)
	env.Mock.SetAppCallbackSecret("app-1", "set-in-the-dashboard-0123")
	importBlock := func(id string) string {
		return fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", testAppSettings, id)
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: env.Config("", importBlock("project-1/app-1")+appHCL(`secret = "set-in-the-dashboard-0123"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAppSettings, plancheck.ResourceActionNoop)}},
				Check: expectAppAtSinch(env, "set-in-the-dashboard-0123"),
			},
			{
				ResourceName: testAppSettings, ImportState: true, ImportStateId: "app-1", ImportStateVerify: true,
				Config: env.Config("project-1", appHCL(`secret = "set-in-the-dashboard-0123"`)),
			},
			{
				Config: env.Config("", `removed {
  from = sinch_conversation_app_callback_settings.test
  lifecycle { destroy = false }
}`),
			},
			{
				Config: env.Config("", acctest.SecretVariableHCL+importBlock("project-1/app-1:write-only")+
					appHCL("secret_wo = var.secret")),
				ConfigVariables: acctest.SecretVariable("set-in-the-dashboard-0123"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAppSettings, plancheck.ResourceActionNoop),
					acctest.PlanWithout{"set-in-the-dashboard-0123"}}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateWithout{"set-in-the-dashboard-0123"}},
			},
			{
				ResourceName: testAppSettings, ImportState: true, ImportStateId: "app-1",
				Config:      env.Config("", appHCL(`secret = "x-0123456789"`)),
				ExpectError: acctest.ErrorLike(`Invalid import ID`, `the provider has no project_id`),
			},
		},
	})
}

// An app that is not there, and another project for the same app, are said at plan, and the plan of a
// create says that Sinch's secret is replaced, and how to import it instead.
func TestAccAppCallbackSettings_refusals(t *testing.T) {
	env := appEnv(t, false)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config:      env.Config("", strings.Replace(appHCL(`secret = "s-0123456789"`), `"app-1"`, `"app-9"`, 1)),
				ExpectError: acctest.ErrorLike(`app "app-9"`, `Check app_id`, `conversation_region`),
			},
			{Config: env.Config("", appHCL(`secret = "s-0123456789"`))},
			{
				Config:      env.Config("", strings.Replace(appHCL(`secret = "s-0123456789"`), `"project-1"`, `"project-2"`, 1)),
				ExpectError: acctest.ErrorLike(`An app cannot move to another project`, `app "app-1", which lives in project "project-1"`),
			},
		},
	})
}

// The data source and the ephemeral resource read the app's secret; where Sinch does not answer it, the
// read says so rather than claim the app has none.
func TestAccAppCallbackSettings_readers(t *testing.T) {
	env := appEnv(t, false)
	env.Mock.SetAppCallbackSecret("app-1", "read-by-the-data-source-0123")
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: acctest.WithEcho(env),
		Steps: []resource.TestStep{{
			Config: env.Config("project-1", `
data "sinch_conversation_app_callback_settings" "test" {
  app_id = "app-1"
}

ephemeral "sinch_conversation_app_callback_settings" "test" {
  app_id = "app-1"
}

provider "echo" {
  data = ephemeral.sinch_conversation_app_callback_settings.test.secret
}

resource "echo" "test" {}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.sinch_conversation_app_callback_settings.test", tfjsonpath.New("id"), knownvalue.StringExact("project-1/app-1")),
				statecheck.ExpectKnownValue("data.sinch_conversation_app_callback_settings.test", tfjsonpath.New("secret"), knownvalue.StringExact("read-by-the-data-source-0123")),
				statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data"), knownvalue.StringExact("read-by-the-data-source-0123")),
			},
		}},
	})
}

// The CLI's plan: a create warns of the secret Sinch holds and names the import; a second resource for
// the same app warns; a destroy warns that the secret stays; and a read whose answer says nothing of the
// secret warns instead of claiming none. No secret is shown.
func TestAppCallbackSettingsWarnings(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{"project-1": "s"}, Apps: map[string]string{"app-1": "project-1"}})
	defer mock.Close()
	mock.SetAppCallbackSecret("app-1", "in-use-by-the-handlers-0123")
	r := acctest.NewCLIRun(t, mock)
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "SINCH_PROJECT_ID=project-1", "TF_VAR_secret=configured-secret-0123456789"}
	twice := `
resource "sinch_conversation_app_callback_settings" "one" {
  app_id = "app-1"
  secret_wo = var.secret
}

resource "sinch_conversation_app_callback_settings" "two" {
  app_id = "app-1"
  secret_wo = var.secret
}
`
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+twice)
	out := r.Run(true, env, "plan", "-input=false")
	acctest.ExpectSays(t, out, "Warning: The apply replaces the secret Sinch holds",
		`Sinch holds a secret for overridden callback URLs of app "app-1" of project "project-1", and this create replaces it`,
		`an import block with id = "project-1/app-1:write-only"`, "Warning: Another resource sets this app's secret")
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+strings.Split(twice, `resource "sinch_conversation_app_callback_settings" "two"`)[0])
	r.Run(true, env, "apply", "-input=false", "-auto-approve")
	out = r.Run(true, env, "plan", "-input=false", "-destroy")
	acctest.ExpectSays(t, out, "Warning: Secret stays at Sinch", `app "app-1" of project "project-1"`)
	for _, out := range r.Outputs {
		if strings.Contains(out, "in-use-by-the-handlers") || strings.Contains(out, "configured-secret") {
			t.Error("the output shows a secret:\n" + out)
		}
	}
}

// The identity is project_id, app_id and the form of the secret; an import by identity plans no change.
func TestAccIdentity_appCallbackSettings(t *testing.T) {
	env := appEnv(t, false)
	identity := func(writeOnly bool) statecheck.StateCheck {
		return statecheck.ExpectIdentity(testAppSettings, map[string]knownvalue.Check{"project_id": knownvalue.StringExact("project-1"),
			"app_id": knownvalue.StringExact("app-1"), "write_only": knownvalue.Bool(writeOnly)})
	}
	plain := env.Config("", appHCL(`secret = "identity-first-0123456789"`))
	writeOnly := env.Config("", appHCL(`secret_wo = "identity-second-0123456789"`))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.IdentityVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: plain, ConfigStateChecks: []statecheck.StateCheck{identity(false)}},
			{Config: plain, ResourceName: testAppSettings, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: writeOnly, ConfigStateChecks: []statecheck.StateCheck{identity(true)}},
			{Config: writeOnly, ResourceName: testAppSettings, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
