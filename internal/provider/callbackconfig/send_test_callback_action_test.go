package callbackconfig_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// actionSecret is the secret of project-1 in an API, one of its own in each, so that a handler that
// checks with one API's secret refuses another API's callbacks.
func actionSecret(api sinchapi.CallbackAPI) string { return "callback-secret-" + api.Key + "-c3e8a2f1" }

// actionMock is a mock whose project-1 has actionSecret in each API, closed at the end of the test.
func actionMock(t *testing.T) *sinchmock.Running {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{"project-1": "unused"}})
	t.Cleanup(mock.Close)
	for _, api := range sinchapi.CallbackAPIs {
		mock.SetSecret(sinchmock.API(api.Key), "project-1", actionSecret(api))
	}
	return mock
}

// actionName is an API's name in the action's api attribute.
func actionName(api sinchapi.CallbackAPI) string { return strings.ReplaceAll(api.Key, "-", "_") }

// testCallbackAction is an action sinch_send_test_callback named after the API, for project-1.
func testCallbackAction(name string, api sinchapi.CallbackAPI, url, extra string) string {
	return fmt.Sprintf(`
action "sinch_send_test_callback" %q {
  config {
    api        = %q
    project_id = "project-1"
    url        = %q
    %s
  }
}
`, name, actionName(api), url, extra)
}

var callbackActionEnv = []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=unused"}

// For each API, a handler that checks X-Sinch-Signature with the project's secret in that API passes: it
// gets the API's test event, signed, then forged. Neither the CLI nor the TRACE log shows a secret.
func TestAccActionSendTestCallback_eachAPI(t *testing.T) {
	mock := actionMock(t)
	handlers := map[string]*acctest.CallbackHandler{}
	var hcl string
	var secrets []string
	for _, api := range sinchapi.CallbackAPIs {
		handlers[api.Key] = acctest.NewCallbackHandler(t, acctest.VerifyCallbackSignature(actionSecret(api)), acctest.ChecksSignatures)
		hcl += testCallbackAction(actionName(api), api, handlers[api.Key].CallbackURL(), "")
		secrets = append(secrets, actionSecret(api))
	}
	r := acctest.NewActionRun(t, mock, hcl)
	for _, api := range sinchapi.CallbackAPIs {
		h := handlers[api.Key]
		out := r.Invoke(true, callbackActionEnv, "action.sinch_send_test_callback."+actionName(api))
		acctest.ExpectSays(t, out, fmt.Sprintf("Reading the callback configuration of the %s API from Sinch", api.Name),
			fmt.Sprintf("Sending a test %s API callback, signed as Sinch signs it (X-Sinch-Signature), to %s", api.Name, h.CallbackURL()),
			h.CallbackURL()+" answered HTTP 200 OK in", "Sending the same callback with a wrong X-Sinch-Signature",
			h.CallbackURL()+" answered HTTP 401 Unauthorized in", "Passed:")
		callbacks := h.ExpectAnswers(t, http.StatusOK, http.StatusUnauthorized)
		var event map[string]string
		if err := json.Unmarshal(callbacks[0].Body, &event); err != nil || event["projectId"] != "project-1" ||
			event["eventType"] != api.TestEvent.EventType || !strings.HasPrefix(event["eventId"], "test-callback-") {
			t.Errorf("%s: the callback %s", api.Key, callbacks[0].Body)
		}
	}
	r.ExpectNothingHolds("test callback answered", secrets...)
}

// A handler that accepts everything fails, for it accepted the forged callback; with check_forged =
// false it passes.
func TestAccActionSendTestCallback_handlerThatAcceptsEverything(t *testing.T) {
	mock := actionMock(t)
	numbers, _ := sinchapi.ByKey("numbers")
	h := acctest.NewCallbackHandler(t, acctest.VerifyCallbackSignature(actionSecret(numbers)), acctest.AcceptsEverything)
	r := acctest.NewActionRun(t, mock, testCallbackAction("checked", numbers, h.CallbackURL(), "")+
		testCallbackAction("unchecked", numbers, h.CallbackURL(), "check_forged = false"))
	out := r.Invoke(false, callbackActionEnv, "action.sinch_send_test_callback.checked")
	acctest.ExpectSays(t, out, "Error: Callback handler accepted a forged callback",
		h.CallbackURL()+" accepted a callback with a wrong signature (HTTP 200 OK): it does not check X-Sinch-Signature",
		"the lowercase hex HMAC-SHA1 of the raw body")
	out = r.Invoke(true, callbackActionEnv, "action.sinch_send_test_callback.unchecked")
	acctest.ExpectSays(t, out, "check_forged is false, so no forged callback was sent")
	h.ExpectAnswers(t, http.StatusOK, http.StatusOK, http.StatusOK)
}

// A handler that checks with another API's secret refuses the signed callback: the test fails, naming
// the secret the handler must use.
func TestAccActionSendTestCallback_handlerWithAnotherSecret(t *testing.T) {
	mock := actionMock(t)
	numbers, _ := sinchapi.ByKey("numbers")
	brands, _ := sinchapi.ByKey("brands")
	h := acctest.NewCallbackHandler(t, acctest.VerifyCallbackSignature(actionSecret(numbers)), acctest.ChecksSignatures)
	r := acctest.NewActionRun(t, mock, testCallbackAction("x", brands, h.CallbackURL(), ""))
	out := r.Invoke(false, callbackActionEnv, "action.sinch_send_test_callback.x")
	acctest.ExpectSays(t, out, "Error: Callback handler refused a signed callback",
		h.CallbackURL()+" answered HTTP 401 Unauthorized to a test Brands API callback signed as Sinch signs it",
		`check that it uses project "project-1"'s HMAC secret in the Brands API`)
	h.ExpectAnswers(t, http.StatusUnauthorized)
}

// A project without a secret in the API has unsigned callbacks: the test says so and what to do, and
// sends nothing.
func TestAccActionSendTestCallback_projectWithoutASecret(t *testing.T) {
	mock := actionMock(t)
	numbers, _ := sinchapi.ByKey("numbers")
	mock.SetSecret(sinchmock.Numbers, "project-1", "")
	h := acctest.NewCallbackHandler(t, acctest.VerifyCallbackSignature(actionSecret(numbers)), acctest.ChecksSignatures)
	r := acctest.NewActionRun(t, mock, testCallbackAction("x", numbers, h.CallbackURL(), ""))
	out := r.Invoke(false, callbackActionEnv, "action.sinch_send_test_callback.x")
	acctest.ExpectSays(t, out, "Error: Project without a callback secret", `Project "project-1" has no HMAC secret in the Numbers API`,
		"Set one with sinch_numbers_callback_configuration")
	h.ExpectAnswers(t)
}

// A URL in plain http to a host that is not a loopback address, and an API the action does not know,
// are refused at validation, before any call; a URL known only at apply is checked when the action runs.
func TestAccActionSendTestCallback_configurationErrors(t *testing.T) {
	mock := actionMock(t)
	numbers, _ := sinchapi.ByKey("numbers")
	r := acctest.NewActionRun(t, mock, testCallbackAction("x", numbers, "http://handler.example/callbacks", ""))
	out := r.Invoke(false, callbackActionEnv, "action.sinch_send_test_callback.x")
	acctest.ExpectSays(t, out, "Error: Invalid url", "http://handler.example/callbacks uses plain http to handler.example, which is not a loopback address")

	r = acctest.NewActionRun(t, mock, strings.Replace(testCallbackAction("x", numbers, "https://handler.example/callbacks", ""),
		`"numbers"`, `"voice"`, 1))
	out = r.Invoke(false, callbackActionEnv, "action.sinch_send_test_callback.x")
	acctest.ExpectSays(t, out, "Error: Invalid Attribute Value Match", `value must be one of: ["sender_id" "brands" "numbers" "imported_numbers"]`)
	if n := len(mock.Requests()); n != 0 {
		t.Errorf("configuration errors made %d requests", n)
	}

	r = acctest.NewActionRun(t, mock, `
resource "terraform_data" "handler" {
  input = "http://handler.example/callbacks"

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.sinch_send_test_callback.x]
    }
  }
}
`+testCallbackAction("x", numbers, "${terraform_data.handler.output}", ""))
	out = r.Run(false, callbackActionEnv, "apply", "-input=false", "-auto-approve")
	acctest.ExpectSays(t, out, "Error: Callback handler not https", "No test callback was sent",
		"http://handler.example/callbacks uses plain http to handler.example")
}
