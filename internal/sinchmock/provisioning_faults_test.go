package sinchmock_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// A create whose answer is lost: the webhook is made, and the client gets a 500 (in the API's error
// shape) or no answer.
func TestProvisioning_lostAnswer(t *testing.T) {
	mock, bearer := startProvisioning(t)
	mock.Script(sinchmock.Provisioning, http.MethodPost, "/v1/projects/p1/webhooks", sinchmock.Lost(500))
	if a := provisioningCall(t, mock, bearer, http.MethodPost, "/p1/webhooks", provisioningHook); a.code != 500 || papiError(t, a) != "UNKNOWN" {
		t.Errorf("%d %s", a.code, a.raw)
	}
	if hooks := mock.ProvisioningWebhooks("p1"); len(hooks) != 1 || hooks[0].Secret != "hook-secret" {
		t.Errorf("%+v, want the webhook the lost create made", hooks)
	}
	mock.Script(sinchmock.Provisioning, http.MethodPost, "/v1/projects/p1/webhooks", sinchmock.Lost(0))
	req, _ := http.NewRequest(http.MethodPost, mock.URLOf(sinchmock.Provisioning)+"/v1/projects/p1/webhooks",
		strings.NewReader(strings.Replace(provisioningHook, "handler.example", "second.example", 1)))
	req.Header.Set("Authorization", "Bearer "+bearer)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Error("the connection was not dropped")
	}
	if hooks := mock.ProvisioningWebhooks("p1"); len(hooks) != 2 {
		t.Errorf("%d webhooks, want 2", len(hooks))
	}
	// The retry of the lost create meets its own target.
	if a := provisioningCall(t, mock, bearer, http.MethodPost, "/p1/webhooks", provisioningHook); a.code != 409 {
		t.Errorf("the retry: %d %s", a.code, a.raw)
	}
	// A delete whose empty answer is "changed" on the way back is still answered (a 204 has no body).
	id := mock.ProvisioningWebhooks("p1")[0].ID
	mock.Script(sinchmock.Provisioning, http.MethodDelete, "/v1/projects/p1/webhooks/"+id,
		sinchmock.Fault{After: true, Replace: map[string]any{"note": "changed"}})
	if a := provisioningCall(t, mock, bearer, http.MethodDelete, "/p1/webhooks/"+id, ""); a.code != 204 {
		t.Errorf("a replaced delete answer: %d %s", a.code, a.raw)
	}
	if _, ok := mock.ProvisioningWebhook(id); ok {
		t.Error("the delete was not handled")
	}
}

// Every error of the Provisioning API's listener has its shape: scripted ones, and the 401s.
func TestProvisioning_errorShape(t *testing.T) {
	mock, bearer := startProvisioning(t)
	mock.Script(sinchmock.Provisioning, http.MethodGet, "/v1/projects/p1/webhooks", sinchmock.Fault{Status: 503})
	if a := provisioningCall(t, mock, bearer, http.MethodGet, "/p1/webhooks", ""); a.code != 503 || papiError(t, a) != "UNKNOWN" {
		t.Errorf("a scripted 503: %d %s", a.code, a.raw)
	}
	mock.Script(sinchmock.Provisioning, http.MethodGet, "/v1/projects/p1/webhooks", sinchmock.NotSinch(502))
	if a, err := http.Get(mock.URLOf(sinchmock.Provisioning) + "/v1/projects/p1/webhooks"); err != nil || a.StatusCode != 502 ||
		a.Header.Get("Content-Type") != "text/html" {
		t.Errorf("a proxy's page: %v %v", a, err)
	} else {
		a.Body.Close()
	}
	if a := provisioningCall(t, mock, "", http.MethodGet, "/p1/webhooks", ""); a.code != 401 || papiError(t, a) != "UNAUTHENTICATED" {
		t.Errorf("no token: %d %s", a.code, a.raw)
	}
	mock.ExpireTokens()
	req, _ := http.NewRequest(http.MethodGet, mock.URLOf(sinchmock.Provisioning)+"/v1/projects/p1/webhooks", nil)
	req.Header.Set("Authorization", "Bearer "+bearer)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || !strings.Contains(resp.Header.Get("WWW-Authenticate"), "expired") {
		t.Errorf("an expired token: %d %q", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}
	if c := mock.CountsOf(sinchmock.Provisioning); c.Get != 4 {
		t.Errorf("counts %+v", c)
	}
}

// Echo quotes the request in every field of the Provisioning API's error: the message the
// Authorization header, the resolution the body as a string, additionalInformation both and the body as
// an object.
func TestProvisioning_echo(t *testing.T) {
	mock, bearer := startProvisioning(t)
	mock.Script(sinchmock.Provisioning, http.MethodPost, "/v1/projects/p1/webhooks", sinchmock.Echo(400))
	a := provisioningCall(t, mock, bearer, http.MethodPost, "/p1/webhooks", provisioningHook)
	info, _ := a.body["additionalInformation"].(map[string]any)
	request, _ := info["request"].(map[string]any)
	message, _ := a.body["message"].(string)
	resolution, _ := a.body["resolution"].(string)
	if a.code != 400 || papiError(t, a) != "INVALID_ARGUMENT" || !strings.Contains(message, "Bearer "+bearer) ||
		!strings.Contains(resolution, provisioningHook) || info["authorization"] != "Bearer "+bearer ||
		info["requestBody"] != provisioningHook || request["secret"] != "hook-secret" {
		t.Errorf("%d %s", a.code, a.raw)
	}
	if len(mock.ProvisioningWebhooks("p1")) != 0 {
		t.Error("an echoed create made a webhook")
	}
}
