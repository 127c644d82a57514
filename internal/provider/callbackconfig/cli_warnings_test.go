package callbackconfig_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// TestWarningsOnce: a plan warns of a short secret once, whether it is written in the configuration
// (which Terraform validates twice: in its validate walk and its plan walk) or comes from a variable.
func TestWarningsOnce(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "old"}})
	defer mock.Close()
	for name, hcl := range map[string]string{
		"a literal":  `hmac_secret = "tiny-9q"`,
		"a variable": `hmac_secret_wo = var.secret`,
	} {
		t.Run(name, func(t *testing.T) {
			r := acctest.NewCLIRun(t, mock)
			acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
resource "sinch_callback_configuration" "short" {
  project_id = "project-1"
  `+hcl+`
}
`)
			out := r.Run(true, []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=tiny-9q"}, "plan", "-input=false")
			if strings.Count(out, "Warning: Short secret") != 1 || strings.Contains(out, "similar warning") {
				t.Errorf("want one warning of the short secret:\n%s", out)
			}
		})
	}
}

// TestDestroyPlanWarns: the plan of a destroy says, before anything happens, that the secret stays at
// Sinch; the destroy itself says it once.
func TestDestroyPlanWarns(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "old"}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
resource "sinch_numbers_callback_configuration" "this" {
  project_id  = "project-1"
  hmac_secret = "5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"
}
`)
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=unused"}
	r.Run(true, env, "apply", "-input=false", "-auto-approve")
	out := r.Run(true, env, "plan", "-input=false", "-destroy")
	acctest.ExpectSays(t, out, "Warning: Callback configuration stays at Sinch",
		`destroying sinch_numbers_callback_configuration for project "project-1" in the Numbers API only makes Terraform stop managing it`,
		"apply a new one before destroying", "1 to destroy")
	out = r.Run(true, env, "destroy", "-input=false", "-auto-approve")
	if strings.Count(out, "Warning: Callback configuration stays at Sinch") != 1 || strings.Contains(out, "similar warning") {
		t.Errorf("want the warning once:\n%s", out)
	}
	if s, _ := mock.Secret(sinchmock.Numbers, "project-1"); s != "5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e" {
		t.Errorf("destroy changed the secret at Sinch: %q", s)
	}
}

// TestMoveWarnings: a plan that moves a configuration to another project says that the old project
// keeps its secret, and one whose project is known only after apply says what happens either way.
func TestMoveWarnings(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{"project-1": "old", "project-2": "old"}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), `
terraform {
  required_providers {
    sinch = { source = "terraform-sinch/sinch" }
  }
}
`+projectFromAResource)
	env := func(project, generation string) []string {
		return []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=1f0e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
			"TF_VAR_project=" + project, "TF_VAR_generation=" + generation}
	}
	r.Run(true, env("project-1", "1"), "apply", "-input=false", "-auto-approve")
	acctest.ExpectSays(t, r.Run(true, env("project-1", "2"), "plan", "-input=false"), "Warning: Project known only after apply",
		`If it turns out to be another project than "project-1", the apply sets the configured secret there, and project "project-1" keeps the secret it has in the Sender ID Registrations API`,
		"1 to add, 1 to change, 1 to destroy")

	// The same, with a project known at plan time.
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
resource "sinch_callback_configuration" "test" {
  project_id             = "project-2"
  hmac_secret_wo         = var.secret
  hmac_secret_wo_version = 1
}
`)
	r.Run(true, env("", ""), "state", "rm", "terraform_data.project")
	acctest.ExpectSays(t, r.Run(true, env("", ""), "plan", "-input=false"), "Warning: Old project keeps its secret",
		`The apply sets the configured secret for project "project-2", and Terraform stops managing project "project-1", which keeps the secret it has`,
		"0 to add, 1 to change, 0 to destroy")
}

// TestLostDigestWithAVersion: when the digest of the secret last written is lost and
// hmac_secret_wo_version is set, a refresh does not take what Sinch holds for the secret written (that
// would hide drift for good): the status says unverified, the plan warns and says what to do, and a new
// version writes the secret again.
func TestLostDigestWithAVersion(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "old"}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	config := func(version string) string {
		return acctest.CLIProviderBlock + `
resource "sinch_callback_configuration" "versioned" {
  project_id             = "project-1"
  hmac_secret_wo         = var.secret
  hmac_secret_wo_version = ` + version + `
}
`
	}
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), config("1"))
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a"}
	r.Run(true, env, "apply", "-input=false", "-auto-approve")
	r.DropPrivateState()
	mock.SetSecret(sinchmock.SenderID, "project-1", "changed-in-the-dashboard")

	out := r.Run(true, env, "apply", "-input=false", "-auto-approve", "-refresh-only")
	acctest.ExpectSays(t, out, `hmac_secret_wo_status = "applied" -> "unverified"`)
	out = r.Run(true, env, "plan", "-input=false")
	acctest.ExpectSays(t, out, "Warning: Cannot tell which secret Sinch holds",
		`The provider cannot tell whether Sinch holds the configured secret for project "project-1" in the Sender ID Registrations API`,
		"Change hmac_secret_wo_version to write hmac_secret_wo again", "No changes.")

	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), config("2"))
	r.Run(true, env, "apply", "-input=false", "-auto-approve")
	if got := r.StateAttribute("sinch_callback_configuration.versioned", "hmac_secret_wo_status"); got != "applied" {
		t.Errorf("status after a new version: %v", got)
	}
	if s, _ := mock.Secret(sinchmock.SenderID, "project-1"); s != "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a" {
		t.Errorf("Sinch holds %q after a new version", s)
	}
}

// TestImportIntoTheOtherForm: an import into the form the ID did not name warns, and writes nothing
// when the configured secret is the one Sinch holds.
func TestImportIntoTheOtherForm(t *testing.T) {
	const dashboardSecret = "dashboard-secret-6e5d4c3b2a19"
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": dashboardSecret}})
	defer mock.Close()
	for name, tc := range map[string]struct{ argument, id string }{
		"with :write-only into hmac_secret": {`hmac_secret = var.plain`, "project-1:write-only"},
		"by project ID into hmac_secret_wo": {`hmac_secret_wo = var.secret`, "project-1"},
	} {
		t.Run(name, func(t *testing.T) {
			r := acctest.NewCLIRun(t, mock)
			acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
variable "plain" {
  type      = string
  sensitive = true
}

import {
  to = sinch_callback_configuration.this
  id = "`+tc.id+`"
}

resource "sinch_callback_configuration" "this" {
  project_id = "project-1"
  `+tc.argument+`
}
`)
			env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_plain=" + dashboardSecret, "TF_VAR_secret=" + dashboardSecret}
			before := mock.Counts()
			out := r.Run(true, env, "apply", "-input=false", "-auto-approve")
			if strings.HasSuffix(tc.id, ":write-only") {
				acctest.ExpectSays(t, out, "Warning: Secret moves into the state",
					`The state holds the secret for project "project-1" in the Sender ID Registrations API in write-only form (imported with ":write-only"`,
					"the apply stores it in state without sending it, as Sinch holds it", "set hmac_secret_wo instead")
			} else {
				acctest.ExpectSays(t, out, "Warning: Secret leaves the state", "so this plan, and a plan file saved from it, hold it too",
					`import with an ID that ends in ":write-only"`)
			}
			acctest.ExpectSays(t, out, "1 imported, 0 added, 1 changed, 0 destroyed")
			if c := mock.Counts().Sub(before); c.Put != 0 {
				t.Errorf("the import wrote the secret Sinch holds: %+v", c)
			}
		})
	}
}

// TestCreateWarnsOfTheSecretItReplaces: "create" reads like "keep", but a create sets the configured
// secret over the one Sinch holds, which a live project's handlers verify with. The plan says so, with the
// import that adopts it instead (in the form of the configuration); not when Sinch holds no secret, or
// holds the configured one.
func TestCreateWarnsOfTheSecretItReplaces(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{"live": "in-use-by-the-handlers-0123", "configured": "configured-secret-0123456789"}})
	defer mock.Close()
	mock.SetSecret(sinchmock.SenderID, "no-secret", "")
	r := acctest.NewCLIRun(t, mock)
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=configured-secret-0123456789"}
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
resource "sinch_callback_configuration" "live" {
  project_id  = "live"
  hmac_secret = "configured-secret-0123456789"
}

resource "sinch_callback_configuration" "configured" {
  project_id  = "configured"
  hmac_secret = "configured-secret-0123456789"
}

resource "sinch_callback_configuration" "no_secret" {
  project_id  = "no-secret"
  hmac_secret = "configured-secret-0123456789"
}
`)
	out := r.Run(true, env, "plan", "-input=false")
	acctest.ExpectSays(t, out, "Warning: The apply replaces the secret Sinch holds", "with sinch_callback_configuration.live",
		`Sinch holds a secret for project "live" in the Sender ID Registrations API, and this create replaces it`,
		`import it rather than create: an import block with id = "live" (or terraform import sinch_callback_configuration.<name> live)`)
	if strings.Count(out, "Warning: The apply replaces the secret Sinch holds") != 1 || strings.Contains(out, "similar warning") {
		t.Errorf("want one warning, for project \"live\":\n%s", out)
	}
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
resource "sinch_numbers_callback_configuration" "live" {
  project_id     = "live"
  hmac_secret_wo = var.secret
}
`)
	out = r.Run(true, env, "plan", "-input=false")
	acctest.ExpectSays(t, out, "Warning: The apply replaces the secret Sinch holds", `for project "live" in the Numbers API`,
		`id = "live:write-only" (or terraform import sinch_numbers_callback_configuration.<name> live:write-only)`)
	for _, out := range r.Outputs {
		if strings.Contains(out, "in-use-by-the-handlers") {
			t.Error("the plan shows the secret Sinch holds")
		}
	}
}
