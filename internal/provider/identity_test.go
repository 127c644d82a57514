package provider_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
)

// A state written before identities (by an older provider, or Terraform before 1.12) gains the
// identity at its next refresh: no error, no replacement.
func TestAccIdentity_gainedOnRefresh(t *testing.T) {
	mock := acctest.WebhookMock(t)
	r := acctest.NewCLIRun(t, mock)
	acctest.RequireIdentity(t, r)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), acctest.CLIProviderBlock+`
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
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}
	r.Run(true, env, "apply", "-input=false", "-auto-approve")
	r.DropFromState("identity", "identity_schema_version")
	if r.StateHolds(`"identity"`) {
		t.Fatal("the identity is still in the state: the test proves nothing")
	}
	out := r.Run(true, env, "apply", "-input=false", "-auto-approve", "-refresh-only")
	if strings.Contains(out, "Error") {
		t.Errorf("the refresh failed:\n%s", out)
	}
	r.Run(true, env, "plan", "-input=false", "-detailed-exitcode")
	if n := strings.Count(r.StateText(), `"identity": {`); n != 2 {
		t.Errorf("%d resources have an identity after the refresh, want 2:\n%s", n, r.StateText())
	}
}
