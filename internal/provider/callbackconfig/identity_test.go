package callbackconfig_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func expectIdentity(address string, values map[string]knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectIdentity(address, values)
}

// Every callback configuration type: create and refresh record the identity; an import by identity
// plans no change; the identity says the form of the secret.
func TestAccIdentity_callbackConfigurations(t *testing.T) {
	for _, api := range sinchapi.CallbackAPIs {
		t.Run("sinch_"+api.TypeName, func(t *testing.T) {
			a := newAPITest(t, api, map[string]string{apiTestProject: apiTestStart})
			plain := map[string]knownvalue.Check{"project_id": knownvalue.StringExact(apiTestProject), "write_only": knownvalue.Bool(false)}
			writeOnly := map[string]knownvalue.Check{"project_id": knownvalue.StringExact(apiTestProject), "write_only": knownvalue.Bool(true)}
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.IdentityVersions,
				ProtoV6ProviderFactories: a.Factories,
				Steps: []resource.TestStep{
					{Config: a.plaintext("identity-first-0123456789"), ConfigStateChecks: []statecheck.StateCheck{expectIdentity(a.resource, plain)}},
					{
						Config:          a.plaintext("identity-first-0123456789"),
						ResourceName:    a.resource,
						ImportState:     true,
						ImportStateKind: resource.ImportBlockWithResourceIdentity,
					},
					{
						// The switch to the write-only form: the identity says so.
						Config: a.Config("", fmt.Sprintf(`
resource %q "test" {
  project_id     = %q
  hmac_secret_wo = "identity-second-0123456789"
}`, "sinch_"+api.TypeName, apiTestProject)),
						ConfigStateChecks: []statecheck.StateCheck{expectIdentity(a.resource, writeOnly)},
					},
					{
						Config: a.Config("", fmt.Sprintf(`
resource %q "test" {
  project_id     = %q
  hmac_secret_wo = "identity-second-0123456789"
}`, "sinch_"+api.TypeName, apiTestProject)),
						ResourceName:    a.resource,
						ImportState:     true,
						ImportStateKind: resource.ImportBlockWithResourceIdentity,
					},
				},
			})
		})
	}
}

// A move of a callback configuration to another project, known only at apply, is an update in place;
// the identity follows the project.
func TestAccIdentity_followsAMove(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "dashboard-1", "project-2": "dashboard-2"})
	step := func(project string, generation int) resource.TestStep {
		return resource.TestStep{
			Config: env.Config("", projectFromAResource),
			ConfigVariables: config.Variables{"secret": config.StringVariable("random-identity-0123456789"),
				"project": config.StringVariable(project), "generation": config.IntegerVariable(generation)},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentityValue(acctest.TestResource, tfjsonpath.New("project_id"), knownvalue.StringExact(project))},
		}
	}
	moved := step("project-2", 2)
	moved.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate)}}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.IdentityVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps:                    []resource.TestStep{step("project-1", 1), moved},
	})
	if s, _ := env.Mock.Secret(sinchmock.SenderID, "project-2"); s != "random-identity-0123456789" {
		t.Errorf("project-2 holds %q", s)
	}
}

// An import by identity with write_only = true keeps the secret out of the saved plan file and the
// state, as ":write-only" does; without it (the control), the plan file holds the secret. The identity
// is recorded in state.
func TestAccIdentity_writeOnlyImportKeepsTheSecretOut(t *testing.T) {
	const dashboardSecret = "dashboard-secret-1f0e2d3c4b5a"
	for _, api := range sinchapi.CallbackAPIs {
		t.Run("sinch_"+api.TypeName, func(t *testing.T) {
			mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": dashboardSecret}})
			defer mock.Close()
			r := acctest.NewCLIRun(t, mock)
			acctest.RequireIdentity(t, r)
			env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=" + dashboardSecret}
			hcl := func(writeOnly string) string {
				return acctest.CLIProviderBlock + fmt.Sprintf(`
resource %[1]q "this" {
  project_id     = "project-1"
  hmac_secret_wo = var.secret
}

import {
  to = %[1]s.this
  identity = {
    project_id = "project-1"
    %[2]s
  }
}
`, "sinch_"+api.TypeName, writeOnly)
			}
			acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), hcl(""))
			out := r.Run(true, env, "plan", "-input=false", "-out=control.tfplan")
			if !acctest.PlanFileHolds(t, filepath.Join(r.Dir, "control.tfplan"), dashboardSecret) {
				t.Fatal("the control plan file does not hold the secret: the check proves nothing")
			}
			// The warning names the fix for an import by identity, not only the ID's suffix.
			acctest.ExpectSays(t, out, "Warning: Secret leaves the state", "in an import block with an identity, set write_only = true in the identity")
			acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), hcl("write_only = true"))
			out = r.Run(true, env, "plan", "-input=false", "-out=write-only.tfplan")
			acctest.ExpectSays(t, out, "1 to import, 0 to add, 0 to change, 0 to destroy")
			if acctest.PlanFileHolds(t, filepath.Join(r.Dir, "write-only.tfplan"), dashboardSecret) {
				t.Error("the plan file of a write-only import by identity holds the secret")
			}
			r.Run(true, env, "apply", "-input=false", "write-only.tfplan")
			if r.StateHolds(dashboardSecret) {
				t.Error("the state holds the secret")
			}
			raw, err := os.ReadFile(filepath.Join(r.Dir, "terraform.tfstate"))
			if err != nil || !strings.Contains(string(raw), `"identity": {`) || !strings.Contains(string(raw), `"write_only": true`) {
				t.Errorf("the state records no identity, or not write_only: %s", raw)
			}
			r.Run(true, env, "plan", "-input=false", "-detailed-exitcode")
			if c := mock.Counts(); c.Put+c.Patch != 0 {
				t.Errorf("the import wrote: %+v", c)
			}
		})
	}
}
