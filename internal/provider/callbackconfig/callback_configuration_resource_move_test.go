package callbackconfig_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// projectFromAResource takes project_id from a terraform_data that each generation replaces, so that a
// new generation makes project_id known only after apply, as a project from a resource being replaced
// does. The secret is write-only, with a version that never changes: a value made anew on every run.
const projectFromAResource = `
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "project" {
  type = string
}

variable "generation" {
  type = number
}

resource "terraform_data" "project" {
  input            = var.project
  triggers_replace = var.generation
}

resource "sinch_callback_configuration" "test" {
  project_id             = terraform_data.project.output
  hmac_secret_wo         = var.secret
  hmac_secret_wo_version = 1
}`

// A project known only at apply is a move in place: when it turns out to be the same project, nothing is
// written (the version did not change); when it is another one, the secret is written there and the old
// project keeps its own.
func TestAccCallbackConfiguration_projectKnownOnlyAtApply(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "dashboard-1", "project-2": "dashboard-2"})
	step := func(project string, generation int, secret string) resource.TestStep {
		return resource.TestStep{
			PreConfig: env.StartCounting,
			Config:    env.Config("", projectFromAResource),
			ConfigVariables: config.Variables{"secret": config.StringVariable(secret), "project": config.StringVariable(project),
				"generation": config.IntegerVariable(generation)},
		}
	}
	projectUnknown := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
		plancheck.ExpectUnknownValue(acctest.TestResource, tfjsonpath.New("project_id")),
		plancheck.ExpectUnknownValue(acctest.TestResource, tfjsonpath.New("hmac_secret_wo_status")),
	}}
	create, same, other := step("project-1", 1, "random-1"), step("project-1", 2, "random-2"), step("project-2", 3, "random-3")
	create.Check = resource.ComposeAggregateTestCheckFunc(
		env.ExpectSecretAtSinch("project-1", "random-1"), env.ExpectRequests(sinchmock.Counts{Token: 1, Get: 1, Put: 1}))

	same.ConfigPlanChecks = projectUnknown
	same.ConfigStateChecks = []statecheck.StateCheck{acctest.ExpectStatus(knownvalue.StringExact("applied")),
		statecheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("project_id"), knownvalue.StringExact("project-1"))}
	same.Check = resource.ComposeAggregateTestCheckFunc(
		env.ExpectSecretAtSinch("project-1", "random-1"), env.ExpectRequests(sinchmock.Counts{Get: 1}))

	other.ConfigPlanChecks = projectUnknown
	other.ConfigStateChecks = []statecheck.StateCheck{acctest.ExpectStatus(knownvalue.StringExact("applied")),
		statecheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("project_id"), knownvalue.StringExact("project-2")),
		statecheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("id"), knownvalue.StringExact("project-2"))}
	other.Check = resource.ComposeAggregateTestCheckFunc(
		env.ExpectSecretAtSinch("project-2", "random-3"), env.ExpectSecretAtSinch("project-1", "random-1"),
		env.ExpectRequests(sinchmock.Counts{Get: 1, Put: 1}))

	// The next plan finds nothing to do.
	settled := step("project-2", 3, "random-4")
	settled.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps:                    []resource.TestStep{create, same, other, settled},
	})
}

// Removing hmac_secret_wo_version while the value stays the one last written is an update that writes
// nothing: Sinch holds that secret already.
func TestAccCallbackConfiguration_versionRemovedWritesNothing(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "dashboard"})
	step := func(version float64, secret string) resource.TestStep {
		return resource.TestStep{PreConfig: env.StartCounting, Config: env.Config("", acctest.WriteOnlyConfig(version)), ConfigVariables: acctest.SecretVariable(secret)}
	}
	create, removed, changed := step(1, "stable-secret-1"), step(0, "stable-secret-1"), step(0, "stable-secret-2")
	removed.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret_wo_status"), knownvalue.StringExact("applied")),
	}}
	removed.ConfigStateChecks = []statecheck.StateCheck{acctest.ExpectStatus(knownvalue.StringExact("applied")),
		statecheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret_wo_version"), knownvalue.Null())}
	removed.Check = env.ExpectRequests(sinchmock.Counts{Get: 1})
	// The digest kept from the first write still tells a new value apart.
	changed.Check = resource.ComposeAggregateTestCheckFunc(
		env.ExpectSecretAtSinch("project-1", "stable-secret-2"), env.ExpectRequests(sinchmock.Counts{Get: 1, Put: 1}))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps:                    []resource.TestStep{create, removed, changed},
	})
}

// Switching between the forms writes nothing when Sinch holds the configured secret already.
func TestAccCallbackConfiguration_switchOfFormWritesOnlyANewSecret(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "dashboard"})
	plain := func(secret string) resource.TestStep {
		return resource.TestStep{PreConfig: env.StartCounting, Config: env.Config("", acctest.ResourceConfig("project-1", secret))}
	}
	writeOnly := func(secret string) resource.TestStep {
		return resource.TestStep{PreConfig: env.StartCounting, Config: env.Config("", acctest.WriteOnlyConfig(0)), ConfigVariables: acctest.SecretVariable(secret)}
	}
	steps := []resource.TestStep{plain("same-secret-a"), writeOnly("same-secret-a"), plain("same-secret-a"), writeOnly("other-secret-b")}
	for i, want := range []sinchmock.Counts{{Token: 1, Get: 2, Put: 1}, {Get: 1}, {Get: 1}, {Get: 1, Put: 1}} {
		steps[i].Check = env.ExpectRequests(want)
		if i > 0 {
			steps[i].ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate)}}
		}
	}
	steps[2].ConfigStateChecks = []statecheck.StateCheck{acctest.ExpectSecretInState("same-secret-a"), acctest.ExpectStatus(knownvalue.Null())}
	steps[3].ConfigStateChecks = []statecheck.StateCheck{acctest.StateWithout{"same-secret-a", "other-secret-b"}}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps:                    steps,
	})
	if got, _ := env.Mock.Secret(sinchmock.SenderID, "project-1"); got != "other-secret-b" {
		t.Errorf("Sinch holds %q", got)
	}
}
