package callbackconfig_test

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Without hmac_secret_wo_version, the digest decides when to write: a new value, or drift.
func TestAccCallbackConfiguration_writeOnly(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "set-in-the-dashboard"})
	secrets := []string{"write-only-one", "write-only-two", "write-only-three"}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				// Create: the secret reaches Sinch, and neither the plan nor the state holds it.
				PreConfig:       env.StartCounting,
				Config:          env.Config("", acctest.WriteOnlyConfig(0)),
				ConfigVariables: acctest.SecretVariable(secrets[0]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret"), knownvalue.Null()),
					plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret_wo"), knownvalue.Null()),
					acctest.PlanWithout(secrets),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateWithout(secrets),
					statecheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret"), knownvalue.Null()),
					acctest.ExpectStatus(knownvalue.StringExact("applied")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectSecretAtSinch("project-1", secrets[0]),
					env.ExpectRequests(sinchmock.Counts{Token: 1, Get: 2, Put: 1}),
				),
			},
			{
				// The same value again: nothing to do.
				Config:          env.Config("", acctest.WriteOnlyConfig(0)),
				ConfigVariables: acctest.SecretVariable(secrets[0]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				// A new value is noticed through the digest and applied.
				PreConfig:       env.StartCounting,
				Config:          env.Config("", acctest.WriteOnlyConfig(0)),
				ConfigVariables: acctest.SecretVariable(secrets[1]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(acctest.TestResource, tfjsonpath.New("hmac_secret_wo_status")),
					acctest.PlanWithout(secrets),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateWithout(secrets), acctest.ExpectStatus(knownvalue.StringExact("applied"))},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectSecretAtSinch("project-1", secrets[1]),
					env.ExpectRequests(sinchmock.Counts{Get: 1, Put: 1}),
				),
			},
			{
				// Someone changes the secret at Sinch: a refresh records the drift, without the secret.
				PreConfig:          func() { env.Mock.SetSecret(sinchmock.SenderID, "project-1", "changed-behind-terraform") },
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(acctest.TestResource, "hmac_secret_wo_status", "drifted"),
					resource.TestCheckNoResourceAttr(acctest.TestResource, "hmac_secret"),
				),
			},
			{
				// ...and the next apply restores the configured secret.
				Config:          env.Config("", acctest.WriteOnlyConfig(0)),
				ConfigVariables: acctest.SecretVariable(secrets[1]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret_wo_status"), knownvalue.StringExact("applied")),
				}},
				Check: env.ExpectSecretAtSinch("project-1", secrets[1]),
			},
			{
				// Switching to hmac_secret stores the secret in state...
				Config: env.Config("", acctest.ResourceConfig("project-1", "plain-secret")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectSecretInState("plain-secret"),
					acctest.ExpectStatus(knownvalue.Null()),
				},
				Check: env.ExpectSecretAtSinch("project-1", "plain-secret"),
			},
			{
				// ...and switching back removes it, in place.
				Config:          env.Config("", acctest.WriteOnlyConfig(0)),
				ConfigVariables: acctest.SecretVariable(secrets[2]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret"), knownvalue.Null()),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateWithout(append(secrets, "plain-secret")),
					acctest.ExpectStatus(knownvalue.StringExact("applied")),
				},
				Check: env.ExpectSecretAtSinch("project-1", secrets[2]),
			},
		},
	})
}

// With hmac_secret_wo_version, the version decides when to write, as in HashiCorp's pattern for
// write-only arguments: the value may be made anew on every run (an ephemeral random password), and
// only a new version writes it.
func TestAccCallbackConfiguration_writeOnlyVersion(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "set-in-the-dashboard"})
	step := func(version float64, secret string) resource.TestStep {
		return resource.TestStep{PreConfig: env.StartCounting, Config: env.Config("", acctest.WriteOnlyConfig(version)), ConfigVariables: acctest.SecretVariable(secret)}
	}
	create, newValue, newVersion, drift, sameAfterDrift, repair :=
		step(1, "random-run-1"), step(1, "random-run-2"), step(2.5, "random-run-3"), step(2.5, "random-run-4"), step(2.5, "random-run-5"), step(3, "random-run-6")

	create.Check = resource.ComposeAggregateTestCheckFunc(
		env.ExpectSecretAtSinch("project-1", "random-run-1"), env.ExpectRequests(sinchmock.Counts{Token: 1, Get: 2, Put: 1}))

	// A new value under the same version writes nothing.
	newValue.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	newValue.Check = resource.ComposeAggregateTestCheckFunc(
		env.ExpectSecretAtSinch("project-1", "random-run-1"), env.ExpectRequests(sinchmock.Counts{Get: 1}))

	// A new version writes the value of this run.
	newVersion.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret_wo_version"), knownvalue.Float64Exact(2.5)),
		plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret_wo_status"), knownvalue.StringExact("applied")),
	}}
	newVersion.Check = resource.ComposeAggregateTestCheckFunc(
		env.ExpectSecretAtSinch("project-1", "random-run-3"), env.ExpectRequests(sinchmock.Counts{Get: 1, Put: 1}))

	// Drift at Sinch is recorded, and not repaired with this run's value: that would set a secret that
	// nothing else received.
	drift.PreConfig = func() {
		env.StartCounting()
		env.Mock.SetSecret(sinchmock.SenderID, "project-1", "changed-behind-terraform")
	}
	drift.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	drift.ConfigStateChecks = []statecheck.StateCheck{acctest.ExpectStatus(knownvalue.StringExact("drifted"))}
	drift.Check = resource.ComposeAggregateTestCheckFunc(
		env.ExpectSecretAtSinch("project-1", "changed-behind-terraform"), env.ExpectRequests(sinchmock.Counts{Get: 1}))
	sameAfterDrift.ConfigPlanChecks = drift.ConfigPlanChecks
	sameAfterDrift.ConfigStateChecks = drift.ConfigStateChecks

	// A new version repairs it.
	repair.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret_wo_status"), knownvalue.StringExact("applied")),
	}}
	repair.ConfigStateChecks = []statecheck.StateCheck{acctest.ExpectStatus(knownvalue.StringExact("applied"))}
	repair.Check = env.ExpectSecretAtSinch("project-1", "random-run-6")

	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps:                    []resource.TestStep{create, newValue, newVersion, drift, sameAfterDrift, repair},
	})
}

func TestAccCallbackConfiguration_secretArgumentErrors(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
	for name, tc := range map[string]struct{ hcl, want string }{
		"both": {`
resource "sinch_callback_configuration" "test" {
  project_id     = "project-1"
  hmac_secret    = "a"
  hmac_secret_wo = "b"
}`, `(?s)Conflicting secrets.*Set only one of hmac_secret_wo and hmac_secret`},
		"neither": {`
resource "sinch_callback_configuration" "test" {
  project_id = "project-1"
}`, `(?s)Missing secret.*Set hmac_secret_wo \(write-only, Terraform 1.11 and later`},
		"version without a write-only secret": {`
resource "sinch_callback_configuration" "test" {
  project_id             = "project-1"
  hmac_secret            = "a"
  hmac_secret_wo_version = 1
}`, `(?s)Attribute "hmac_secret_wo" must be specified when "hmac_secret_wo_version" is\s+specified`},
	} {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.WriteOnlyVersions,
				ProtoV6ProviderFactories: env.Factories,
				Steps:                    []resource.TestStep{{Config: env.Config("", tc.hcl), ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
	if n := env.Mock.Counts().Put; n != 0 {
		t.Errorf("an invalid configuration reached Sinch: %d PUT requests", n)
	}
}

// TestNewVersionWritesWithoutARefresh: with -refresh=false the state cannot see a secret changed at Sinch,
// and a new hmac_secret_wo_version is the way to send the secret again: it writes, although the state says
// that Sinch holds it.
func TestNewVersionWritesWithoutARefresh(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "old"}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
variable "secret_version" {
  type = number
}

resource "sinch_callback_configuration" "this" {
  project_id             = "project-1"
  hmac_secret_wo         = var.secret
  hmac_secret_wo_version = var.secret_version
}
`)
	env := func(version string) []string {
		return []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=configured-secret-0123456789", "TF_VAR_secret_version=" + version}
	}
	r.Run(true, env("1"), "apply", "-auto-approve", "-input=false")
	mock.SetSecret(sinchmock.SenderID, "project-1", "changed-in-the-dashboard")
	puts := mock.Counts().Put
	r.Run(true, env("2"), "apply", "-auto-approve", "-input=false", "-refresh=false")
	if got, _ := mock.Secret(sinchmock.SenderID, "project-1"); got != "configured-secret-0123456789" || mock.Counts().Put != puts+1 {
		t.Errorf("Sinch holds %q after %d PUT; want the configured secret, written once", got, mock.Counts().Put-puts)
	}
}
