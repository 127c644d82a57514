package callbackconfig_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// What a user reads in plan output and finds in plan files, on the real CLI: warnings are not visible
// to plugin-testing, and plan files are not either.

// TestWriteOnlyImportKeepsTheSecretOutOfPlanFilesAndState imports into a write-only configuration by
// "<project ID>:write-only", with an import block and with terraform import: neither the saved plan nor
// the state holds the secret. An import by project ID, the control, does put it in the plan file.
func TestWriteOnlyImportKeepsTheSecretOutOfPlanFilesAndState(t *testing.T) {
	const dashboardSecret = "dashboard-secret-7f2a91c4"
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{"project-1": dashboardSecret}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=" + dashboardSecret}
	resourceHCL := `
resource "sinch_callback_configuration" "test" {
  project_id     = "project-1"
  hmac_secret_wo = var.secret
}
`
	importHCL := func(id string) string {
		return acctest.CLIProviderBlock + resourceHCL + `
import {
  to = sinch_callback_configuration.test
  id = "` + id + `"
}
`
	}

	// The control: an import by project ID reads the secret into the plan, so the check below can see it.
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), importHCL("project-1"))
	r.Run(true, env, "plan", "-input=false", "-out=control.tfplan")
	if !acctest.PlanFileHolds(t, filepath.Join(r.Dir, "control.tfplan"), dashboardSecret) {
		t.Fatal("the control plan file does not hold the secret: the check proves nothing")
	}

	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), importHCL("project-1:write-only"))
	out := r.Run(true, env, "plan", "-input=false", "-out=write-only.tfplan")
	if !strings.Contains(out, "1 to import, 0 to add, 0 to change, 0 to destroy") {
		t.Errorf("the plan of a write-only import of the secret Sinch holds is not a plain import:\n%s", out)
	}
	if acctest.PlanFileHolds(t, filepath.Join(r.Dir, "write-only.tfplan"), dashboardSecret) {
		t.Error("the plan file of a write-only import holds the secret")
	}
	r.Run(true, env, "apply", "-input=false", "write-only.tfplan")
	if r.StateHolds(dashboardSecret) {
		t.Error("the state of a write-only import holds the secret")
	}

	// The terraform import command, with the same ID.
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+resourceHCL)
	r.Run(true, env, "state", "rm", "sinch_callback_configuration.test")
	r.Run(true, env, "import", "-input=false", "sinch_callback_configuration.test", "project-1:write-only")
	if r.StateHolds(dashboardSecret) {
		t.Error("the state after terraform import holds the secret")
	}
	if got := r.StateAttribute("sinch_callback_configuration.test", "hmac_secret_wo_status"); got != "applied" {
		t.Errorf("hmac_secret_wo_status after import: %v", got)
	}
	r.Run(true, env, "plan", "-input=false", "-detailed-exitcode")
	if c := mock.Counts(); c.Put != 0 {
		t.Errorf("%d PUT requests: importing the secret Sinch holds wrote it", c.Put)
	}
}

// TestPlanWarnings shows the warnings a plan gives, and that they block nothing and show no secret.
func TestPlanWarnings(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{
		"project-1": "old", "project-2": "old", "project-3": "old", "project-4": "old",
	}})
	defer mock.Close()
	key := "SINCH_KEY_SECRET=" + acctest.TestKeySecret

	t.Run("secrets that will break signatures or can be guessed", func(t *testing.T) {
		r := acctest.NewCLIRun(t, mock)
		acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
variable "plain" {
  type      = string
  sensitive = true
}

resource "sinch_callback_configuration" "from_a_file" {
  project_id  = "project-1"
  hmac_secret = var.plain
}

resource "sinch_callback_configuration" "short" {
  project_id     = "project-2"
  hmac_secret_wo = var.secret
}
`)
		out := r.Run(true, []string{key, "TF_VAR_plain=file-secret-3c9d41e7a2b8f06d\n", "TF_VAR_secret=tiny-9q"},
			"apply", "-input=false", "-auto-approve")
		for _, want := range []string{
			"Warning: Secret with white space at either end",
			"The value of hmac_secret starts or ends with white space",
			"Wrap the value in trimspace()",
			"Warning: Short secret",
			"The value of hmac_secret_wo is shorter than 16 characters",
		} {
			if !strings.Contains(acctest.Prose(out), want) {
				t.Errorf("the output does not say %q:\n%s", want, out)
			}
		}
		if strings.Count(out, "Warning: Short secret") > 2 || strings.Contains(out, "file-secret") || strings.Contains(out, "tiny-9q") {
			t.Errorf("unexpected output:\n%s", out)
		}
		if s, _ := mock.Secret(sinchmock.SenderID, "project-1"); s != "file-secret-3c9d41e7a2b8f06d\n" {
			t.Error("the warned apply did not set the secret")
		}
	})

	t.Run("two resources on one project", func(t *testing.T) {
		r := acctest.NewCLIRun(t, mock)
		acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
resource "sinch_callback_configuration" "a" {
  project_id     = "project-3"
  hmac_secret_wo = "${var.secret}-a"
}

resource "sinch_callback_configuration" "b" {
  for_each       = toset(["project-3", "project-4"])
  project_id     = each.key
  hmac_secret_wo = "${var.secret}-b"
}
`)
		env := []string{key, "TF_VAR_secret=9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"}
		out := r.Run(true, env, "plan", "-input=false")
		if !strings.Contains(acctest.Prose(out), `sets the callback secret of Sinch project "project-3"`) ||
			strings.Count(out, "Warning: Another resource sets this project's secret") != 1 ||
			strings.Contains(out, `project "project-4"`) {
			t.Errorf("want one warning, for project-3:\n%s", out)
		}

		// One resource per project: no warning, not even when Terraform plans a replacement twice.
		acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
resource "sinch_callback_configuration" "b" {
  for_each       = toset(["project-3", "project-4"])
  project_id     = each.key
  hmac_secret_wo = "${var.secret}-b"
}
`)
		for _, args := range [][]string{
			{"apply", "-input=false", "-auto-approve"},
			{"plan", "-input=false", `-replace=sinch_callback_configuration.b["project-3"]`},
		} {
			if out := r.Run(true, env, args...); strings.Contains(out, "Another resource sets") {
				t.Errorf("%s warns of a duplicate:\n%s", args[0], out)
			}
		}
	})

	t.Run("drift under hmac_secret_wo_version", func(t *testing.T) {
		r := acctest.NewCLIRun(t, mock)
		acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
resource "sinch_callback_configuration" "versioned" {
  project_id             = "project-1"
  hmac_secret_wo         = var.secret
  hmac_secret_wo_version = 1
}
`)
		env := []string{key, "TF_VAR_secret=5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}
		r.Run(true, env, "apply", "-input=false", "-auto-approve")
		mock.SetSecret(sinchmock.SenderID, "project-1", "changed-in-the-dashboard")
		out := r.Run(true, env, "plan", "-input=false")
		if !strings.Contains(acctest.Prose(out), `Sinch holds a secret for project "project-1" in the Sender ID Registrations API other than the one Terraform last wrote`) ||
			!strings.Contains(acctest.Prose(out), "change hmac_secret_wo_version to write it again") || !strings.Contains(out, "No changes.") {
			t.Errorf("want no change, and a warning that says how to write the secret again:\n%s", out)
		}
	})
}
