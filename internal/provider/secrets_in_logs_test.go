package provider_test

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const everythingConfig = `
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

variable "plain" {
  type      = string
  sensitive = true
}

variable "write_only" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_callback_configuration" "plain" {
  project_id  = "project-plain"
  hmac_secret = var.plain
}

resource "sinch_callback_configuration" "write_only" {
  project_id     = "project-write-only"
  hmac_secret_wo = var.write_only
}

data "sinch_callback_configuration" "read" {
  project_id = "project-read"
}

ephemeral "sinch_callback_configuration" "read" {
  project_id = "project-read"
}

output "signature" {
  value     = provider::sinch::callback_signature(data.sinch_callback_configuration.read.hmac_secret, "{}")
  sensitive = true
}
`

// TestSecretsNeverLogged runs apply, import, update, destroy and a failing plan with TF_LOG=TRACE, and
// fails if any secret, key secret or access token appears in the log or in what the CLI printed.
func TestSecretsNeverLogged(t *testing.T) {
	secrets := []string{"plain-secret-1a", "plain-secret-2b", "write-only-secret-3c", "write-only-secret-4d", "read-only-secret-5e",
		"initial-secret-6f", "echoed-secret-8h"}
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{
		"project-plain": secrets[5], "project-write-only": secrets[5], "project-read": secrets[4],
	}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), everythingConfig)
	key := "SINCH_KEY_SECRET=" + acctest.TestKeySecret
	first := []string{key, "TF_VAR_plain=" + secrets[0], "TF_VAR_write_only=" + secrets[2]}
	second := []string{key, "TF_VAR_plain=" + secrets[1], "TF_VAR_write_only=" + secrets[3]}

	r.Run(true, first, "apply", "-auto-approve", "-input=false")
	r.Run(true, first, "state", "rm", "sinch_callback_configuration.plain")
	r.Run(true, first, "import", "-input=false", "sinch_callback_configuration.plain", "project-plain")
	r.Run(true, second, "apply", "-auto-approve", "-input=false")
	// Answers that quote what the request carried (the access token, the secret sent): redacted in
	// diagnostics, which Terraform logs at TRACE.
	mock.Script(sinchmock.SenderID, http.MethodPut, "/v1/projects/project-plain/callback-configuration", sinchmock.Echo(400))
	echoed := []string{key, "TF_VAR_plain=" + secrets[6], "TF_VAR_write_only=" + secrets[3]}
	if out := r.Run(false, echoed, "apply", "-auto-approve", "-input=false"); !strings.Contains(acctest.Prose(out), "Authorization: Bearer (redacted)") ||
		!strings.Contains(out, `refused {"hmacSecret":"(redacted)"}`) {
		t.Errorf("the failing apply did not show the redacted answer:\n%s", out)
	}
	mock.Script(sinchmock.SenderID, http.MethodGet, "/v1/projects/project-read/callback-configuration", sinchmock.Echo(403))
	r.Run(false, second, "plan", "-input=false")
	r.Run(true, second, "destroy", "-auto-approve", "-input=false")
	wrongKey := "wrong-key-secret-7g"
	if out := r.Run(false, []string{"SINCH_KEY_SECRET=" + wrongKey, "TF_VAR_plain=" + secrets[0], "TF_VAR_write_only=" + secrets[2]},
		"plan", "-input=false"); !strings.Contains(out, "Sinch refused the access key") {
		t.Errorf("the failing plan did not say why:\n%s", out)
	}

	if s, _ := mock.Secret(sinchmock.SenderID, "project-plain"); s != secrets[1] {
		t.Fatalf("the runs did not do what they should: project-plain holds %q", s)
	}
	log := r.Log()
	// The log must hold the provider's own entries, or this test proves nothing.
	for _, want := range []string{"Sinch API call: ", "Fetched a Sinch access token: ", "method=PUT", "path=/v1/projects/project-plain/callback-configuration"} {
		if !strings.Contains(log, want) {
			t.Fatalf("the TRACE log lacks %s: the provider's entries are not in it", want)
		}
	}

	forbidden := append(secrets, acctest.TestKeySecret, wrongKey)
	for _, req := range mock.Requests() {
		if req.Token != "" {
			forbidden = append(forbidden, req.Token)
		}
	}
	for _, secret := range forbidden {
		if strings.Contains(log, secret) {
			t.Errorf("the TRACE log holds a secret (%.6s…)", secret)
		}
		for _, out := range r.Outputs {
			if strings.Contains(out, secret) {
				t.Errorf("the CLI printed a secret (%.6s…)", secret)
			}
		}
	}
}
