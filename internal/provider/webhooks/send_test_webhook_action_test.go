package webhooks_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The secrets of the tests of the action: distinctive, so that a test can look for them in output.
const (
	actionWebhookSecret = "webhook-secret-a41c9e07"
	actionClientSecret  = "client-secret-b52d0f18"
)

// actionEnv is the environment of every command of the tests of the action.
var actionEnv = []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=" + actionWebhookSecret}

// testWebhookAction is an action sinch_send_test_webhook of the name, for webhook id of project-1, with
// the extra arguments.
func testWebhookAction(name, id, extra string) string {
	return fmt.Sprintf(`
action "sinch_send_test_webhook" %q {
  config {
    project_id = "project-1"
    webhook_id = %q
    %s
  }
}
`, name, id, extra)
}

// webhookOf is a webhook of app-1 at the handler, with the action's webhook secret, made at the mock as
// someone in the dashboard would.
func webhookOf(mock *sinchmock.Running, h *acctest.CallbackHandler, change func(*sinchmock.Webhook)) string {
	hook := sinchmock.Webhook{AppID: "app-1", Target: h.CallbackURL(), TargetType: "HTTP", Triggers: []string{"MESSAGE_DELIVERY"},
		Secret: actionWebhookSecret}
	if change != nil {
		change(&hook)
	}
	return mock.AddWebhook("project-1", hook)
}

// A handler that checks x-sinch-webhook-signature passes: the CLI shows each step as it happens, the
// handler gets a signed MESSAGE_DELIVERY callback that says it is a test, then a forged one; a
// MESSAGE_INBOUND sample, which the webhook does not subscribe to, passes with a warning. Neither the
// CLI nor the TRACE log shows the secret.
func TestAccActionSendTestWebhook_handlerThatChecksSignatures(t *testing.T) {
	mock := acctest.WebhookMock(t)
	h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(actionWebhookSecret), acctest.ChecksSignatures)
	id := webhookOf(mock, h, nil)
	r := acctest.NewActionRun(t, mock, testWebhookAction("x", id, "")+testWebhookAction("inbound", id, `trigger = "MESSAGE_INBOUND"`))
	url := h.CallbackURL()
	out := r.Invoke(true, actionEnv, "action.sinch_send_test_webhook.x")
	acctest.ExpectSays(t, out, fmt.Sprintf("Reading webhook %q from Sinch", id),
		"Sending a test MESSAGE_DELIVERY callback, signed as Sinch signs it (x-sinch-webhook-signature), to "+url,
		url+" answered HTTP 200 OK in", "Sending the same callback with a wrong x-sinch-webhook-signature to "+url,
		url+" answered HTTP 401 Unauthorized in", "Passed: "+url+" accepted the signed callback and refused the forged one.",
		"Actions: 1 invoked")
	callbacks := h.ExpectAnswers(t, http.StatusOK, http.StatusUnauthorized)
	var body struct {
		AppID, ProjectID string `json:"-"`
		Report           struct {
			Metadata string `json:"metadata"`
		} `json:"message_delivery_report"`
	}
	if err := json.Unmarshal(callbacks[0].Body, &body); err != nil || !strings.Contains(body.Report.Metadata, "Test callback") ||
		!strings.Contains(callbacks[0].Header.Get("User-Agent"), "a test callback, not sent by Sinch") {
		t.Errorf("the callback %s, User-Agent %q", callbacks[0].Body, callbacks[0].Header.Get("User-Agent"))
	}

	out = r.Invoke(true, actionEnv, "action.sinch_send_test_webhook.inbound")
	acctest.ExpectSays(t, out, "Warning: Trigger not among the webhook's", "The test sends a MESSAGE_INBOUND callback",
		`has the triggers "MESSAGE_DELIVERY"`, "Passed:")
	callbacks = h.ExpectAnswers(t, http.StatusOK, http.StatusUnauthorized, http.StatusOK, http.StatusUnauthorized)
	if !strings.Contains(string(callbacks[2].Body), `"direction":"TO_APP"`) {
		t.Errorf("the MESSAGE_INBOUND callback %s", callbacks[2].Body)
	}
	r.ExpectNothingHolds("test callback answered", actionWebhookSecret)
}

// A handler that accepts everything fails, for it accepted the forged callback; with check_forged =
// false it passes on the signed one alone.
func TestAccActionSendTestWebhook_handlerThatAcceptsEverything(t *testing.T) {
	mock := acctest.WebhookMock(t)
	h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(actionWebhookSecret), acctest.AcceptsEverything)
	id := webhookOf(mock, h, nil)
	r := acctest.NewActionRun(t, mock, testWebhookAction("x", id, "")+testWebhookAction("unchecked", id, "check_forged = false"))
	out := r.Invoke(false, actionEnv, "action.sinch_send_test_webhook.x")
	acctest.ExpectSays(t, out, "Error: Callback handler accepted a forged callback",
		h.CallbackURL()+" accepted a callback with a wrong signature (HTTP 200 OK): it does not check x-sinch-webhook-signature",
		"set check_forged = false")
	h.ExpectAnswers(t, http.StatusOK, http.StatusOK)

	out = r.Invoke(true, actionEnv, "action.sinch_send_test_webhook.unchecked")
	acctest.ExpectSays(t, out, "check_forged is false, so no forged callback was sent")
	h.ExpectAnswers(t, http.StatusOK, http.StatusOK, http.StatusOK)
}

// A handler that checks with another secret refuses the signed callback: the test fails, and says what
// to check; it sends no forged callback.
func TestAccActionSendTestWebhook_handlerWithAnotherSecret(t *testing.T) {
	mock := acctest.WebhookMock(t)
	h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature("another-secret"), acctest.ChecksSignatures)
	r := acctest.NewActionRun(t, mock, testWebhookAction("x", webhookOf(mock, h, nil), ""))
	out := r.Invoke(false, actionEnv, "action.sinch_send_test_webhook.x")
	acctest.ExpectSays(t, out, "Error: Callback handler refused a signed callback",
		h.CallbackURL()+" answered HTTP 401 Unauthorized to a test MESSAGE_DELIVERY callback signed as Sinch signs it",
		"check that it uses the webhook's secret")
	h.ExpectAnswers(t, http.StatusUnauthorized)
}

// With client credentials, the test fetches a token from the webhook's endpoint as Sinch does (BASIC,
// FORM), and each callback carries it; the handler refuses a callback without a token it issued. Neither
// the CLI nor the TRACE log shows the secret, the client secret or the token.
func TestAccActionSendTestWebhook_clientCredentials(t *testing.T) {
	for _, requestType := range []string{"BASIC", "FORM"} {
		t.Run(requestType, func(t *testing.T) {
			mock := acctest.WebhookMock(t)
			h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(actionWebhookSecret), acctest.ChecksSignatures)
			h.Client = &acctest.TokenClient{ID: "client-1", Secret: actionClientSecret, Form: requestType == "FORM"}
			id := webhookOf(mock, h, func(w *sinchmock.Webhook) {
				w.ClientCredentials = &sinchmock.ClientCredentials{ClientID: "client-1", ClientSecret: actionClientSecret,
					Endpoint: h.TokenURL(), TokenRequestType: requestType}
			})
			r := acctest.NewActionRun(t, mock, testWebhookAction("x", id, ""))
			out := r.Invoke(true, actionEnv, "action.sinch_send_test_webhook.x")
			acctest.ExpectSays(t, out, "Fetching an access token from "+h.TokenURL()+` for client "client-1" (token request `+requestType+")",
				h.TokenURL()+" answered a token (expires_in 3600 s)", "Passed:")
			callbacks := h.ExpectAnswers(t, http.StatusOK, http.StatusUnauthorized)
			tokens := h.Tokens()
			if len(tokens) != 1 || callbacks[0].Header.Get("Authorization") != "Bearer "+tokens[0] || !callbacks[0].SignatureValid {
				t.Fatalf("issued %d tokens; the callback carries %q", len(tokens), callbacks[0].Header.Get("Authorization"))
			}
			r.ExpectNothingHolds("test callback sent", append(tokens, actionWebhookSecret, actionClientSecret)...)
		})
	}
}

// When Sinch does not answer the webhook's secret, or the webhook has none, or Sinch drops its events,
// the test says so and what to do, and sends nothing.
func TestAccActionSendTestWebhook_nothingToSignWith(t *testing.T) {
	hidden := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{"project-1": "s"}, Apps: map[string]string{"app-1": "project-1"}, HideWebhookSecrets: true})
	t.Cleanup(hidden.Close)
	h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(actionWebhookSecret), acctest.ChecksSignatures)
	r := acctest.NewActionRun(t, hidden, testWebhookAction("x", webhookOf(hidden, h, nil), ""))
	out := r.Invoke(false, actionEnv, "action.sinch_send_test_webhook.x")
	acctest.ExpectSays(t, out, "Error: Sinch did not answer the webhook's secret", "does not say its secret",
		"an action cannot take a secret from the configuration", "provider::sinch::conversation_webhook_signature")

	mock := acctest.WebhookMock(t)
	withoutSecret := webhookOf(mock, h, func(w *sinchmock.Webhook) { w.Secret = "" })
	dismissed := webhookOf(mock, h, func(w *sinchmock.Webhook) { w.TargetType = "DISMISS" })
	r = acctest.NewActionRun(t, mock, testWebhookAction("x", withoutSecret, "")+testWebhookAction("dismissed", dismissed, ""))
	out = r.Invoke(false, actionEnv, "action.sinch_send_test_webhook.x")
	acctest.ExpectSays(t, out, "Error: Webhook without a secret", fmt.Sprintf("webhook %q of project \"project-1\" has no secret", withoutSecret),
		"Give the webhook a secret")
	out = r.Invoke(false, actionEnv, "action.sinch_send_test_webhook.dismissed")
	acctest.ExpectSays(t, out, "Error: Webhook's callbacks dismissed", "has target_type DISMISS")
	h.ExpectAnswers(t)
}

// A webhook whose target is plain http on a host that is not a loopback address gets no test callback.
func TestAccActionSendTestWebhook_plainHTTPTarget(t *testing.T) {
	mock := acctest.WebhookMock(t)
	id := mock.AddWebhook("project-1", sinchmock.Webhook{AppID: "app-1", Target: "http://handler.example/callbacks",
		TargetType: "HTTP", Triggers: []string{"MESSAGE_DELIVERY"}, Secret: actionWebhookSecret})
	r := acctest.NewActionRun(t, mock, testWebhookAction("x", id, ""))
	out := r.Invoke(false, actionEnv, "action.sinch_send_test_webhook.x")
	acctest.ExpectSays(t, out, "Error: Callback handler not https", "No test callback was sent",
		"http://handler.example/callbacks uses plain http to handler.example, which is not a loopback address")
}

// A trigger without a sample is refused before anything is read (the validation of any command), and
// a webhook that does not exist gets the provider's diagnostic of a read (that of the data source, which
// cannot confirm a 404 without the webhook's app).
func TestAccActionSendTestWebhook_configurationErrors(t *testing.T) {
	mock := acctest.WebhookMock(t)
	r := acctest.NewActionRun(t, mock, testWebhookAction("x", "01NOSUCHWEBHOOK0000000000", `trigger = "CONTACT_CREATE"`))
	out := r.Invoke(false, actionEnv, "action.sinch_send_test_webhook.x")
	acctest.ExpectSays(t, out, "Error: Invalid trigger", `there is no sample callback of the trigger "CONTACT_CREATE"`,
		"the test can send MESSAGE_DELIVERY or MESSAGE_INBOUND")
	if n := len(mock.Requests()); n != 0 {
		t.Errorf("a configuration error made %d requests", n)
	}

	r = acctest.NewActionRun(t, mock, testWebhookAction("x", "01NOSUCHWEBHOOK0000000000", ""))
	out = r.Invoke(false, actionEnv, "action.sinch_send_test_webhook.x")
	acctest.ExpectSays(t, out, "Error: Not confirmed by Sinch",
		`Could not read webhook "01NOSUCHWEBHOOK0000000000" of Sinch project "project-1": 127.0.0.1`, "answered that it does not exist")
}

// An action_trigger runs the test after the webhook's create, with the secret the configuration gave
// the webhook and Sinch answers.
func TestAccActionSendTestWebhook_afterCreate(t *testing.T) {
	mock := acctest.WebhookMock(t)
	h := acctest.NewCallbackHandler(t, acctest.VerifyWebhookSignature(actionWebhookSecret), acctest.ChecksSignatures)
	r := acctest.NewActionRun(t, mock, fmt.Sprintf(`
resource "sinch_conversation_webhook" "this" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = %q
  triggers   = ["MESSAGE_DELIVERY"]
  secret_wo  = var.secret

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.sinch_send_test_webhook.this]
    }
  }
}

action "sinch_send_test_webhook" "this" {
  config {
    project_id = sinch_conversation_webhook.this.project_id
    webhook_id = sinch_conversation_webhook.this.id
  }
}
`, h.CallbackURL()))
	out := r.Run(true, actionEnv, "apply", "-input=false", "-auto-approve")
	acctest.ExpectSays(t, out, "Passed: "+h.CallbackURL()+" accepted the signed callback and refused the forged one.",
		"1 added", "Actions: 1 invoked")
	h.ExpectAnswers(t, http.StatusOK, http.StatusUnauthorized)

	// A plan with no change triggers nothing.
	r.Run(true, actionEnv, "apply", "-input=false", "-auto-approve")
	h.ExpectAnswers(t, http.StatusOK, http.StatusUnauthorized)
	r.ExpectNothingHolds("test callback answered", actionWebhookSecret)
}
