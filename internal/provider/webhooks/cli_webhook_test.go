package webhooks_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// TestWebhookWarnings: what Sinch accepts but should not be gets a warning at plan, once each.
func TestWebhookWarnings(t *testing.T) {
	mock := acctest.WebhookMock(t)
	r := acctest.NewCLIRun(t, mock)
	hcl := acctest.CLIProviderBlock + `
resource "sinch_conversation_webhook" "cleartext" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "http://handler.example/callbacks"
  triggers   = ["MESSAGE_DELIVERY", "MESSAGE_TELEPATHY"]
}
`
	for i := range 5 {
		hcl += fmt.Sprintf(`
resource "sinch_conversation_webhook" "w%d" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "https://handler.example/%d"
  triggers   = ["MESSAGE_DELIVERY"]
  secret_wo  = var.secret
}
`, i, i)
	}
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), hcl)
	out := r.Run(true, []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"}, "plan", "-input=false")
	acctest.ExpectSays(t, out,
		"Warning: Callbacks in clear text", "The webhook's target is an http:// URL",
		"Warning: Trigger not known to the provider", "This provider does not know the trigger(s) MESSAGE_TELEPATHY",
		"Warning: Callbacks that nothing can verify", "The webhook has neither a secret",
		"Warning: More webhooks than an app may have", `This configuration puts more than 5 webhooks on app "app-1" of project "project-1"`,
		"which ones fail depends on the order of the apply, not on the resource this warning is shown with",
		"6 to add")
	for _, summary := range []string{"Callbacks in clear text", "Trigger not known", "Callbacks that nothing can verify", "More webhooks than"} {
		if n := strings.Count(out, "Warning: "+summary); n != 1 || strings.Contains(out, "similar warning") {
			t.Errorf("%d warnings %q, want one:\n%s", n, summary, out)
		}
	}
	if n := len(mock.Requests()); n != 0 {
		t.Errorf("the plan of new webhooks made %d requests", n)
	}
}

const webhookWriteOnlyCLI = acctest.CLIProviderBlock + `
variable "client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "secret_version" {
  type = number
}

resource "sinch_conversation_webhook" "this" {
  project_id        = "project-1"
  app_id            = "app-1"
  target            = "https://handler.example/callbacks"
  triggers          = ["MESSAGE_DELIVERY"]
  secret_wo         = var.secret
  secret_wo_version = var.secret_version
  client_credentials = {
    client_id                = "client-1"
    endpoint                 = "https://auth.example/token"
    client_secret_wo         = var.client_secret
    client_secret_wo_version = var.secret_version
  }
}
`

// TestWebhookWriteOnlySecretsStayOut: with write-only secrets, neither a saved plan, nor the state, nor
// the TRACE log, nor the output ever holds the secret or the client secret; an import with
// ":write-only" neither, where an import without it (the control) puts them in the plan file.
func TestWebhookWriteOnlySecretsStayOut(t *testing.T) {
	mock := acctest.WebhookMock(t)
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), webhookWriteOnlyCLI)
	secrets := []string{"webhook-secret-1-3c9d41e7", "client-secret-1-a2b8f06d", "webhook-secret-2-5b1c2d3e", "client-secret-2-4f5a4b6c"}
	env := func(secret, client, version string) []string {
		return []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=" + secret, "TF_VAR_client_secret=" + client, "TF_VAR_secret_version=" + version}
	}
	first, second := env(secrets[0], secrets[1], "1"), env(secrets[2], secrets[3], "2")

	r.Run(true, first, "plan", "-input=false", "-out=create.tfplan")
	r.Run(true, first, "apply", "-input=false", "create.tfplan")
	r.Run(true, second, "plan", "-input=false", "-out=update.tfplan")
	r.Run(true, second, "apply", "-input=false", "update.tfplan")
	hooks := mock.Webhooks("app-1")
	if len(hooks) != 1 || hooks[0].Secret != secrets[2] || hooks[0].ClientCredentials.ClientSecret != secrets[3] {
		t.Fatalf("Sinch holds %+v", hooks)
	}
	for _, plan := range []string{"create.tfplan", "update.tfplan"} {
		for _, s := range secrets {
			if acctest.PlanFileHolds(t, filepath.Join(r.Dir, plan), s) {
				t.Errorf("%s holds a secret (%.8s…)", plan, s)
			}
		}
	}

	// Imports: the control by ID puts the secrets Sinch answers in the plan file; ":write-only" does not.
	r.Run(true, second, "state", "rm", "sinch_conversation_webhook.this")
	importHCL := func(id string) string {
		return webhookWriteOnlyCLI + `
import {
  to = sinch_conversation_webhook.this
  id = "` + id + `"
}
`
	}
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), importHCL("project-1/"+hooks[0].ID))
	r.Run(true, second, "plan", "-input=false", "-out=control.tfplan")
	if !acctest.PlanFileHolds(t, filepath.Join(r.Dir, "control.tfplan"), secrets[2]) {
		t.Fatal("the control plan file does not hold the secret: the check proves nothing")
	}
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), importHCL("project-1/"+hooks[0].ID+":write-only"))
	out := r.Run(true, second, "plan", "-input=false", "-out=import.tfplan")
	// The versions are new to the state: an update, which writes the secrets again (a new version always
	// writes), the same ones Sinch holds.
	acctest.ExpectSays(t, out, "1 to import, 0 to add, 1 to change, 0 to destroy")
	r.Run(true, second, "apply", "-input=false", "import.tfplan")
	r.Run(true, second, "plan", "-input=false", "-detailed-exitcode")

	for _, s := range secrets {
		if acctest.PlanFileHolds(t, filepath.Join(r.Dir, "import.tfplan"), s) {
			t.Errorf("the plan file of a write-only import holds a secret (%.8s…)", s)
		}
		if r.StateHolds(s) {
			t.Errorf("the state holds a secret (%.8s…)", s)
		}
		if strings.Contains(r.Log(), s) {
			t.Errorf("the TRACE log holds a secret (%.8s…)", s)
		}
		for _, out := range r.Outputs {
			if strings.Contains(out, s) {
				t.Errorf("the CLI printed a secret (%.8s…)", s)
			}
		}
	}
	if !strings.Contains(r.Log(), "method=PATCH") || !strings.Contains(r.Log(), "path=/v1/projects/project-1/webhooks") {
		t.Fatal("the TRACE log lacks the provider's entries: the check proves nothing")
	}
	if c := mock.Counts(); c.Post != 1 || c.Patch != 2 {
		t.Errorf("%+v, want one POST, and one PATCH each for the update and the import's new versions", c)
	}
	if hooks := mock.Webhooks("app-1"); len(hooks) != 1 || hooks[0].Secret != secrets[2] || hooks[0].ClientCredentials.ClientSecret != secrets[3] {
		t.Errorf("Sinch holds %+v after the import", hooks)
	}
}

// TestWebhookClientSecretDriftStaysOutOfTheLog: a client secret changed at Sinch, in the plaintext form,
// shows as drift, and the TRACE log holds neither the old nor the new one. OpenTofu logs every value a
// refresh changes, naming only attributes marked sensitive at the top; client_credentials is marked
// sensitive as a whole for that.
func TestWebhookClientSecretDriftStaysOutOfTheLog(t *testing.T) {
	mock := acctest.WebhookMock(t)
	r := acctest.NewCLIRun(t, mock)
	oldSecret, newSecret := "client-secret-old-7d2e91c4", "client-secret-new-1f0b8a36"
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
resource "sinch_conversation_webhook" "this" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "https://handler.example/callbacks"
  triggers   = ["MESSAGE_DELIVERY"]
  secret     = "webhook-secret-drift-5c6d7e8f"
  client_credentials = {
    client_id     = "client-1"
    endpoint      = "https://auth.example/token"
    client_secret = "`+oldSecret+`"
  }
}
`)
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=unused"}
	r.Run(true, env, "apply", "-input=false", "-auto-approve")
	hooks := mock.Webhooks("app-1")
	if len(hooks) != 1 {
		t.Fatalf("Sinch holds %+v", hooks)
	}
	mock.ChangeWebhook(hooks[0].ID, func(w *sinchmock.Webhook) { w.ClientCredentials.ClientSecret = newSecret })
	out := r.Run(false, env, "plan", "-input=false", "-detailed-exitcode")
	acctest.ExpectSays(t, out, "client_credentials", "1 to change")
	for _, s := range []string{oldSecret, newSecret} {
		if strings.Contains(r.Log(), s) {
			t.Errorf("the TRACE log holds a client secret (%.16s…)", s)
		}
		if strings.Contains(out, s) {
			t.Errorf("the plan printed a client secret (%.16s…)", s)
		}
	}
	if !strings.Contains(r.Log(), "ReadResource") {
		t.Fatal("the TRACE log lacks the refresh: the check proves nothing")
	}
}
