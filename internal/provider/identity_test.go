package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Resource identity needs Terraform 1.12 (or OpenTofu 1.12) or later. The tests of it are named
// TestAccIdentity..., the one name scripts/test.sh lets skip, on an older engine.
var identityVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}

func expectIdentity(address string, values map[string]knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectIdentity(address, values)
}

// Every callback configuration type: create and refresh record the identity; an import by identity
// plans no change; the identity says the form of the secret.
func TestAccIdentity_callbackConfigurations(t *testing.T) {
	for _, api := range callbackAPIs {
		t.Run(api.terraformType(), func(t *testing.T) {
			a := newAPITest(t, api, map[string]string{apiTestProject: apiTestStart})
			plain := map[string]knownvalue.Check{"project_id": knownvalue.StringExact(apiTestProject), "write_only": knownvalue.Bool(false)}
			writeOnly := map[string]knownvalue.Check{"project_id": knownvalue.StringExact(apiTestProject), "write_only": knownvalue.Bool(true)}
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   identityVersions,
				ProtoV6ProviderFactories: a.factories,
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
						Config: a.config("", fmt.Sprintf(`
resource %q "test" {
  project_id     = %q
  hmac_secret_wo = "identity-second-0123456789"
}`, api.terraformType(), apiTestProject)),
						ConfigStateChecks: []statecheck.StateCheck{expectIdentity(a.resource, writeOnly)},
					},
					{
						Config: a.config("", fmt.Sprintf(`
resource %q "test" {
  project_id     = %q
  hmac_secret_wo = "identity-second-0123456789"
}`, api.terraformType(), apiTestProject)),
						ResourceName:    a.resource,
						ImportState:     true,
						ImportStateKind: resource.ImportBlockWithResourceIdentity,
					},
				},
			})
		})
	}
}

// The webhook: its identity is its project and ID; an import by identity plans no change.
func TestAccIdentity_conversationWebhook(t *testing.T) {
	env := webhookEnv(t)
	config := env.config("", webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"}, `secret = "webhook-secret-0123456789ab"`))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityVersions,
		ProtoV6ProviderFactories: env.factories,
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

// A move of a callback configuration to another project, known only at apply, is an update in place;
// the identity follows the project.
func TestAccIdentity_followsAMove(t *testing.T) {
	env := newTestEnv(t, map[string]string{"project-1": "dashboard-1", "project-2": "dashboard-2"})
	step := func(project string, generation int) resource.TestStep {
		return resource.TestStep{
			Config: env.config("", projectFromAResource),
			ConfigVariables: config.Variables{"secret": config.StringVariable("random-identity-0123456789"),
				"project": config.StringVariable(project), "generation": config.IntegerVariable(generation)},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentityValue(testResource, tfjsonpath.New("project_id"), knownvalue.StringExact(project))},
		}
	}
	moved := step("project-2", 2)
	moved.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate)}}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   identityVersions,
		ProtoV6ProviderFactories: env.factories,
		Steps:                    []resource.TestStep{step("project-1", 1), moved},
	})
	if s, _ := env.mock.Secret(sinchmock.SenderID, "project-2"); s != "random-identity-0123456789" {
		t.Errorf("project-2 holds %q", s)
	}
}

// requireIdentity skips a CLI test on an engine without resource identity (before 1.12).
func requireIdentity(t *testing.T, r *cliRun) {
	t.Helper()
	out, err := exec.Command(r.cli, "version", "-json").Output()
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err != nil || json.Unmarshal(out, &v) != nil {
		t.Fatalf("%s version -json: %v", r.cli, err)
	}
	if version.Must(version.NewVersion(v.Version)).LessThan(version.Must(version.NewVersion("1.12.0"))) {
		t.Skipf("needs Terraform 1.12 or later for resource identity, not %s", v.Version)
	}
}

// An import by identity with write_only = true keeps the secret out of the saved plan file and the
// state, as ":write-only" does; without it (the control), the plan file holds the secret. The identity
// is recorded in state.
func TestAccIdentity_writeOnlyImportKeepsTheSecretOut(t *testing.T) {
	const dashboardSecret = "dashboard-secret-1f0e2d3c4b5a"
	for _, api := range callbackAPIs {
		t.Run(api.terraformType(), func(t *testing.T) {
			mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: map[string]string{"project-1": dashboardSecret}})
			defer mock.Close()
			r := newCLIRun(t, mock)
			requireIdentity(t, r)
			env := []string{"SINCH_KEY_SECRET=" + testKeySecret, "TF_VAR_secret=" + dashboardSecret}
			hcl := func(writeOnly string) string {
				return cliProviderBlock + fmt.Sprintf(`
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
`, api.terraformType(), writeOnly)
			}
			writeFile(t, filepath.Join(r.dir, "main.tf"), hcl(""))
			out := r.run(true, env, "plan", "-input=false", "-out=control.tfplan")
			if !planFileHolds(t, filepath.Join(r.dir, "control.tfplan"), dashboardSecret) {
				t.Fatal("the control plan file does not hold the secret: the check proves nothing")
			}
			// The warning names the fix for an import by identity, not only the ID's suffix.
			expectSays(t, out, "Warning: Secret leaves the state", "in an import block with an identity, set write_only = true in the identity")
			writeFile(t, filepath.Join(r.dir, "main.tf"), hcl("write_only = true"))
			out = r.run(true, env, "plan", "-input=false", "-out=write-only.tfplan")
			expectSays(t, out, "1 to import, 0 to add, 0 to change, 0 to destroy")
			if planFileHolds(t, filepath.Join(r.dir, "write-only.tfplan"), dashboardSecret) {
				t.Error("the plan file of a write-only import by identity holds the secret")
			}
			r.run(true, env, "apply", "-input=false", "write-only.tfplan")
			if r.stateHolds(dashboardSecret) {
				t.Error("the state holds the secret")
			}
			raw, err := os.ReadFile(filepath.Join(r.dir, "terraform.tfstate"))
			if err != nil || !strings.Contains(string(raw), `"identity": {`) || !strings.Contains(string(raw), `"write_only": true`) {
				t.Errorf("the state records no identity, or not write_only: %s", raw)
			}
			r.run(true, env, "plan", "-input=false", "-detailed-exitcode")
			if c := mock.Counts(); c.Put+c.Patch != 0 {
				t.Errorf("the import wrote: %+v", c)
			}
		})
	}
}

// A state written before identities (by an older provider, or Terraform before 1.12) gains the
// identity at its next refresh: no error, no replacement.
func TestAccIdentity_gainedOnRefresh(t *testing.T) {
	mock := webhookMock(t)
	r := newCLIRun(t, mock)
	requireIdentity(t, r)
	writeFile(t, filepath.Join(r.dir, "main.tf"), cliProviderBlock+`
resource "sinch_callback_configuration" "this" {
  project_id     = "project-1"
  hmac_secret_wo = var.secret
}

resource "sinch_conversation_webhook" "this" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "https://handler.example/callbacks"
  triggers   = ["MESSAGE_DELIVERY"]
  secret_wo  = var.secret
}
`)
	env := []string{"SINCH_KEY_SECRET=" + testKeySecret, "TF_VAR_secret=5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}
	r.run(true, env, "apply", "-input=false", "-auto-approve")
	r.dropFromState("identity", "identity_schema_version")
	if r.stateHolds(`"identity"`) {
		t.Fatal("the identity is still in the state: the test proves nothing")
	}
	out := r.run(true, env, "apply", "-input=false", "-auto-approve", "-refresh-only")
	if strings.Contains(out, "Error") {
		t.Errorf("the refresh failed:\n%s", out)
	}
	r.run(true, env, "plan", "-input=false", "-detailed-exitcode")
	if n := strings.Count(r.stateText(), `"identity": {`); n != 2 {
		t.Errorf("%d resources have an identity after the refresh, want 2:\n%s", n, r.stateText())
	}
}
