package sinchmock_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// provisioningAnswer is what the Provisioning API answered: its status, raw body, and the body decoded
// (nil when empty).
type provisioningAnswer struct {
	code int
	raw  string
	body map[string]any
}

// provisioningCall makes a call of the Provisioning API at path (below /v1/projects).
func provisioningCall(t *testing.T, mock *sinchmock.Running, bearer, method, path, body string) provisioningAnswer {
	t.Helper()
	req, _ := http.NewRequest(method, mock.URLOf(sinchmock.Provisioning)+"/v1/projects"+path, strings.NewReader(body))
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	answer := provisioningAnswer{code: resp.StatusCode, raw: string(raw)}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &answer.body); err != nil {
			t.Fatalf("%s %s: the body %q is not a JSON object", method, path, raw)
		}
	}
	return answer
}

// papiError returns the errorCode of a body in the Provisioning API's error shape, and fails unless it
// has that shape (not wrapped in "error", with a message and a resolution).
func papiError(t *testing.T, a provisioningAnswer) string {
	t.Helper()
	code, _ := a.body["errorCode"].(string)
	message, _ := a.body["message"].(string)
	resolution, _ := a.body["resolution"].(string)
	if _, wrapped := a.body["error"]; wrapped || code == "" || message == "" || resolution == "" {
		t.Fatalf("not the Provisioning API's error shape: %d %s", a.code, a.raw)
	}
	return code
}

func startProvisioning(t *testing.T, change ...func(*sinchmock.Options)) (*sinchmock.Running, string) {
	t.Helper()
	opts := sinchmock.Options{KeyID: "kid", KeySecret: "ksecret", Projects: map[string]string{"p1": "s1", "p2": "s2"}}
	for _, c := range change {
		c(&opts)
	}
	mock := sinchmock.Start(opts)
	t.Cleanup(mock.Close)
	return mock, token(t, mock)
}

const provisioningHook = `{"target":"https://handler.example/provisioning","secret":"hook-secret","triggers":["WHATSAPP_SENDER_ACTIVE","BUNDLE_DONE"]}`

func TestProvisioning_lifecycle(t *testing.T) {
	mock, bearer := startProvisioning(t)
	made := provisioningCall(t, mock, bearer, http.MethodPost, "/p1/webhooks", provisioningHook)
	id, _ := made.body["id"].(string)
	if made.code != 200 || len(id) != 26 || made.body["projectId"] != "p1" || made.body["target"] != "https://handler.example/provisioning" ||
		fmt.Sprint(made.body["triggers"]) != "[WHATSAPP_SENDER_ACTIVE BUNDLE_DONE]" || len(made.body) != 4 {
		t.Fatalf("create: %d %s", made.code, made.raw)
	}
	if hook, _ := mock.ProvisioningWebhook(id); hook.Secret != "hook-secret" {
		t.Errorf("the mock holds %+v, not the secret sent", hook)
	}
	got := provisioningCall(t, mock, bearer, http.MethodGet, "/p1/webhooks/"+id, "")
	if got.code != 200 || got.body["id"] != id || len(got.body) != 4 {
		t.Errorf("get: %d %s", got.code, got.raw)
	}

	// PATCH changes what the body has; the rest keeps its value.
	patched := provisioningCall(t, mock, bearer, http.MethodPatch, "/p1/webhooks/"+id, `{"triggers":["ALL"]}`)
	hook, _ := mock.ProvisioningWebhook(id)
	if patched.code != 200 || fmt.Sprint(patched.body["triggers"]) != "[ALL]" || hook.Target != "https://handler.example/provisioning" ||
		hook.Secret != "hook-secret" {
		t.Errorf("patch of the triggers: %d %s, holds %+v", patched.code, patched.raw, hook)
	}
	patched = provisioningCall(t, mock, bearer, http.MethodPatch, "/p1/webhooks/"+id, `{"secret":"rotated","target":null}`)
	if hook, _ := mock.ProvisioningWebhook(id); patched.code != 200 || hook.Secret != "rotated" || hook.Target != "https://handler.example/provisioning" {
		t.Errorf("patch of the secret: %d %s, holds %+v", patched.code, patched.raw, hook)
	}

	// PUT needs all three.
	if put := provisioningCall(t, mock, bearer, http.MethodPut, "/p1/webhooks/"+id, `{"target":"https://other.example/","triggers":["ALL"]}`); put.code != 400 ||
		papiError(t, put) != sinchmock.ProvisioningValidationError {
		t.Errorf("put without a secret: %d %s", put.code, put.raw)
	}
	put := provisioningCall(t, mock, bearer, http.MethodPut, "/p1/webhooks/"+id, `{"target":"https://other.example/","secret":"replaced","triggers":["BUNDLE_DONE"]}`)
	if hook, _ := mock.ProvisioningWebhook(id); put.code != 200 || put.body["target"] != "https://other.example/" || hook.Secret != "replaced" ||
		fmt.Sprint(hook.Triggers) != "[BUNDLE_DONE]" {
		t.Errorf("put: %d %s, holds %+v", put.code, put.raw, hook)
	}

	list := provisioningCall(t, mock, bearer, http.MethodGet, "/p1/webhooks", "")
	if hooks, _ := list.body["webhooks"].([]any); list.code != 200 || len(hooks) != 1 || list.body["totalSize"] != 1.0 {
		t.Errorf("list: %d %s", list.code, list.raw)
	}
	for _, a := range []provisioningAnswer{made, got, patched, put, list} {
		for _, secret := range []string{"hook-secret", "rotated", "replaced", `"secret"`} {
			if strings.Contains(a.raw, secret) {
				t.Errorf("an answer holds %s: %s", secret, a.raw)
			}
		}
	}

	if deleted := provisioningCall(t, mock, bearer, http.MethodDelete, "/p1/webhooks/"+id, ""); deleted.code != 204 || deleted.raw != "" {
		t.Errorf("delete: %d %q", deleted.code, deleted.raw)
	}
	if gone := provisioningCall(t, mock, bearer, http.MethodGet, "/p1/webhooks/"+id, ""); gone.code != 404 || papiError(t, gone) != sinchmock.ProvisioningWebhookNotFound {
		t.Errorf("get after delete: %d %s", gone.code, gone.raw)
	}
	if c := mock.CountsOf(sinchmock.Provisioning); c != (sinchmock.Counts{Post: 1, Get: 3, Patch: 2, Put: 2, Delete: 1}) {
		t.Errorf("counts %+v", c)
	}
	if c := mock.CountsOf(sinchmock.Conversation); c != (sinchmock.Counts{}) {
		t.Errorf("the Provisioning API's requests counted as the Conversation API's: %+v", c)
	}
}

// Sinch documents 200 and 204 for a delete: a client must take both.
func TestProvisioning_deleteStatus(t *testing.T) {
	mock, bearer := startProvisioning(t, func(o *sinchmock.Options) { o.ProvisioningDeleteStatus = http.StatusOK })
	id := mock.AddProvisioningWebhook("p1", sinchmock.ProvisioningWebhook{Target: "https://h.example/", Secret: "s", Triggers: []string{"ALL"}})
	if deleted := provisioningCall(t, mock, bearer, http.MethodDelete, "/p1/webhooks/"+id, ""); deleted.code != 200 || deleted.raw != "" {
		t.Errorf("delete: %d %q", deleted.code, deleted.raw)
	}
}

func TestProvisioning_notFound(t *testing.T) {
	mock, bearer := startProvisioning(t)
	id := mock.AddProvisioningWebhook("p1", sinchmock.ProvisioningWebhook{Target: "https://h.example/", Secret: "s", Triggers: []string{"ALL"}})
	mock.AddProvisioningWebhook("p2", sinchmock.ProvisioningWebhook{Target: "https://h.example/", Secret: "s", Triggers: []string{"ALL"}})
	for _, tc := range []struct {
		method, path, want string
	}{
		{http.MethodGet, "/nope/webhooks", sinchmock.ProvisioningProjectNotFound},
		{http.MethodPost, "/nope/webhooks", sinchmock.ProvisioningProjectNotFound},
		{http.MethodGet, "/nope/webhooks/" + id, sinchmock.ProvisioningProjectNotFound},
		{http.MethodPatch, "/nope/webhooks/" + id, sinchmock.ProvisioningProjectNotFound},
		{http.MethodPut, "/nope/webhooks/" + id, sinchmock.ProvisioningProjectNotFound},
		{http.MethodDelete, "/nope/webhooks/" + id, sinchmock.ProvisioningProjectNotFound},
		{http.MethodGet, "/p1/webhooks/01NOSUCHWEBHOOK", sinchmock.ProvisioningWebhookNotFound},
		{http.MethodPatch, "/p2/webhooks/" + id, sinchmock.ProvisioningWebhookNotFound}, // another project's
		{http.MethodPut, "/p2/webhooks/" + id, sinchmock.ProvisioningWebhookNotFound},
		{http.MethodDelete, "/p2/webhooks/" + id, sinchmock.ProvisioningWebhookNotFound},
	} {
		a := provisioningCall(t, mock, bearer, tc.method, tc.path, provisioningHook)
		if a.code != 404 || papiError(t, a) != tc.want {
			t.Errorf("%s %s: %d %s, want 404 %s", tc.method, tc.path, a.code, a.raw, tc.want)
		}
	}
	if _, ok := mock.ProvisioningWebhook(id); !ok || len(mock.ProvisioningWebhooks("p2")) != 1 {
		t.Error("a call refused with 404 changed a webhook")
	}
	mock.DeleteProject("p1")
	if a := provisioningCall(t, mock, bearer, http.MethodGet, "/p1/webhooks/"+id, ""); a.code != 404 || papiError(t, a) != sinchmock.ProvisioningProjectNotFound {
		t.Errorf("a webhook of a deleted project: %d %s", a.code, a.raw)
	}
	if _, ok := mock.ProvisioningWebhook(id); ok {
		t.Error("a deleted project kept its webhook")
	}
}

// The Go API that tests use, and the API sees what it does.
func TestProvisioning_asInTheDashboard(t *testing.T) {
	mock, bearer := startProvisioning(t)
	b := mock.AddProvisioningWebhook("new-project", sinchmock.ProvisioningWebhook{Target: "https://b.example/", Secret: "sb", Triggers: []string{"ALL"}})
	a := mock.AddProvisioningWebhook("new-project", sinchmock.ProvisioningWebhook{Target: "https://a.example/", Secret: "sa", Triggers: []string{"BUNDLE_DONE"}})
	hooks := mock.ProvisioningWebhooks("new-project")
	if len(hooks) != 2 || hooks[0].ID != a || hooks[1].ID != b || hooks[0].Secret != "sa" || hooks[0].ProjectID != "new-project" {
		t.Fatalf("webhooks %+v, want a then b (by target), with their secrets", hooks)
	}
	if !mock.ChangeProvisioningWebhook(a, func(h *sinchmock.ProvisioningWebhook) { h.Target, h.Secret = "https://c.example/", "sc" }) ||
		mock.ChangeProvisioningWebhook("nope", func(*sinchmock.ProvisioningWebhook) {}) {
		t.Error("ChangeProvisioningWebhook tells wrongly whether the webhook exists")
	}
	if got := provisioningCall(t, mock, bearer, http.MethodGet, "/new-project/webhooks/"+a, ""); got.body["target"] != "https://c.example/" {
		t.Errorf("the API answers %s after a change in the dashboard", got.raw)
	}
	if hooks := mock.ProvisioningWebhooks("new-project"); hooks[0].ID != b || hooks[1].Secret != "sc" {
		t.Errorf("after the change: %+v", hooks)
	}
	mock.DeleteProvisioningWebhook(b)
	if got := provisioningCall(t, mock, bearer, http.MethodGet, "/new-project/webhooks/"+b, ""); got.code != 404 {
		t.Errorf("a webhook deleted in the dashboard: %d %s", got.code, got.raw)
	}
}
