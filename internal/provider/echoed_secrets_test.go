package provider_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// jsonForms are the forms a secret takes in a JSON body, quoted once or twice: what an answer that quotes
// the request it refused shows, once its own JSON is decoded.
func jsonForms(secret string) []string {
	forms := []string{secret}
	for _, escapeHTML := range []bool{true, false} {
		once := jsonString(secret, escapeHTML)
		forms = append(forms, once, jsonString(once, escapeHTML))
	}
	return forms
}

// jsonString is s as it stands inside a JSON string, without the quotes.
func jsonString(s string, escapeHTML bool) string {
	var b bytes.Buffer
	encoder := json.NewEncoder(&b)
	encoder.SetEscapeHTML(escapeHTML)
	_ = encoder.Encode(s)
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(b.String()), `"`), `"`)
}

const echoedSecretsCLI = acctest.CLIProviderBlock + `
variable "client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_conversation_webhook" "this" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "https://handler.example/callbacks"
  triggers   = ["MESSAGE_DELIVERY"]
  secret_wo  = var.secret
  client_credentials = {
    client_id        = "client-1"
    endpoint         = "https://auth.example/token"
    client_secret_wo = var.client_secret
  }
}

resource "sinch_numbers_callback_configuration" "this" {
  project_id     = "project-1"
  hmac_secret_wo = var.secret
}

resource "sinch_conversation_app_callback_settings" "this" {
  project_id = "project-1"
  app_id     = "app-1"
  secret_wo  = var.secret
}

resource "sinch_provisioning_webhook" "this" {
  project_id = "project-1"
  target     = "https://handler.example/onboarding"
  triggers   = ["ALL"]
  secret_wo  = var.secret
}
`

// Secrets made by random_password hold "&", "<", ">", '"' and "\", which a JSON body escapes ("\u0026",
// "\"", "\\"). An answer that quotes the request it refused must show none of them, in any form, for
// every secret of every type: not in the CLI's output, and not in the TRACE log.
func TestEchoedSecretsInEveryForm(t *testing.T) {
	mock := acctest.WebhookMock(t)
	r := acctest.NewCLIRun(t, mock)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), echoedSecretsCLI)
	secret, clientSecret, newSecret := `Xk3&pQ9<z>"a\b/c-7f41`, `Cl1&<ent>"sec\ret-93e0`, `N3w&<s>"ecr\et-2b8d`
	env := func(secret string) []string {
		return []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=" + secret, "TF_VAR_client_secret=" + clientSecret}
	}
	// The create of the webhook and the write of the callback secret are refused, quoting their bodies.
	mock.Script(sinchmock.Conversation, http.MethodPost, "/v1/projects/project-1/webhooks", sinchmock.Echo(400))
	mock.Script(sinchmock.Numbers, http.MethodPatch, "/v1/projects/project-1/callbackConfiguration", sinchmock.Echo(400))
	mock.Script(sinchmock.Conversation, http.MethodPatch, "/v1/projects/project-1/apps/app-1", sinchmock.Echo(400))
	mock.Script(sinchmock.Provisioning, http.MethodPost, "/v1/projects/project-1/webhooks", sinchmock.Echo(400))
	out := r.Run(false, env(secret), "apply", "-auto-approve", "-input=false")
	acctest.ExpectSays(t, out, `"secret":"(redacted)"`, `"client_secret":"(redacted)"`, `{"hmacSecret":"(redacted)"}`,
		`{"callback_settings":{"secret_for_overridden_callback_urls":"(redacted)"}}`,
		`Sinch says what to do: Do not send {"secret":"(redacted)","target":"https://handler.example/onboarding"`)
	// Then made; the update that writes a new secret is refused, quoting it.
	r.Run(true, env(secret), "apply", "-auto-approve", "-input=false")
	hooks := mock.Webhooks("app-1")
	if len(hooks) != 1 {
		t.Fatalf("app-1 has %d webhooks", len(hooks))
	}
	mock.Script(sinchmock.Conversation, http.MethodPatch, "/v1/projects/project-1/webhooks/"+hooks[0].ID, sinchmock.Echo(400))
	out = r.Run(false, env(newSecret), "apply", "-auto-approve", "-input=false")
	acctest.ExpectSays(t, out, "Sinch rejected the webhook", `"secret":"(redacted)"`)

	for _, s := range []string{secret, clientSecret, newSecret} {
		for _, form := range jsonForms(s) {
			if strings.Contains(r.Log(), form) {
				t.Errorf("the TRACE log holds a secret, as %q…", form[:6])
			}
			for _, out := range r.Outputs {
				if strings.Contains(out, form) {
					t.Errorf("the CLI printed a secret, as %q…", form[:6])
				}
			}
		}
	}
	if !strings.Contains(r.Log(), `\"secret\":\"(redacted)\"`) && !strings.Contains(r.Log(), `"secret":"(redacted)"`) {
		t.Error("the TRACE log lacks the redacted answer: the check proves nothing")
	}
}
