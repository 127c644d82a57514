package sinchmock

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// adminCall calls the admin API, and returns the status and the body.
func adminCall(t *testing.T, admin *httptest.Server, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, admin.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

func TestAdmin_provisioningWebhooks(t *testing.T) {
	s := New(Options{Projects: map[string]string{"p1": "initial"}})
	admin := httptest.NewServer(s.AdminHandler())
	defer admin.Close()

	code, body := adminCall(t, admin, http.MethodPost, "/provisioning/webhooks",
		`{"projectId": "p1", "target": "https://dashboard.example/", "triggers": ["ALL"], "secret": "made-in-the-dashboard"}`)
	var made ProvisioningWebhook
	if err := json.Unmarshal([]byte(body), &made); err != nil || code != http.StatusCreated || len(made.ID) != 26 ||
		made.Secret != "made-in-the-dashboard" || made.ProjectID != "p1" {
		t.Fatalf("POST a Provisioning webhook: %d %s", code, body)
	}
	for _, tc := range []struct {
		body string
		code int
	}{
		{`{"projectId": "nope", "target": "https://x.example/", "triggers": ["ALL"], "secret": "s"}`, http.StatusNotFound},
		{`{"projectId": "p1", "target": "https://dashboard.example/", "triggers": ["ALL"], "secret": "s"}`, http.StatusConflict},
		{`{"projectId": "p1", "target": "https://x.example/", "triggers": ["ALL", "BUNDLE_DONE"], "secret": "s"}`, http.StatusBadRequest},
		{`{"projectId": "p1", "target": "https://x.example/", "triggers": ["ALL"]}`, http.StatusBadRequest},
		{`not JSON`, http.StatusBadRequest},
	} {
		if code, body := adminCall(t, admin, http.MethodPost, "/provisioning/webhooks", tc.body); code != tc.code {
			t.Errorf("POST %s: %d %s, want %d", tc.body, code, body, tc.code)
		}
	}

	other := s.AddProvisioningWebhook("p1", ProvisioningWebhook{Target: "https://other.example/", Secret: "s", Triggers: []string{"ALL"}})
	for _, tc := range []struct {
		path, body string
		code       int
	}{
		{"/provisioning/webhooks/" + made.ID + "/target", "https://elsewhere.example/\n", http.StatusNoContent},
		{"/provisioning/webhooks/" + made.ID + "/secret", "changed\n", http.StatusNoContent},
		{"/provisioning/webhooks/" + made.ID + "/secret", "", http.StatusBadRequest},
		{"/provisioning/webhooks/" + made.ID + "/target", "not a URL", http.StatusBadRequest},
		{"/provisioning/webhooks/" + other + "/target", "https://elsewhere.example/", http.StatusConflict},
		{"/provisioning/webhooks/nope/secret", "x", http.StatusNotFound},
	} {
		if code, body := adminCall(t, admin, http.MethodPut, tc.path, tc.body); code != tc.code {
			t.Errorf("PUT %s: %d %s, want %d", tc.path, code, body, tc.code)
		}
	}
	if hook, _ := s.ProvisioningWebhook(made.ID); hook.Target != "https://elsewhere.example/" || hook.Secret != "changed" {
		t.Errorf("the webhook is %+v", hook)
	}

	_, body = adminCall(t, admin, http.MethodGet, "/projects/p1", "")
	if !strings.Contains(body, `"provisioning_webhooks":[{"id":"`+made.ID+`","projectId":"p1","target":"https://elsewhere.example/","triggers":["ALL"],"secret":"changed"}`) {
		t.Errorf("the project's state does not list its Provisioning webhooks, in the API's field names: %s", body)
	}
	if code, _ := adminCall(t, admin, http.MethodDelete, "/provisioning/webhooks/"+made.ID, ""); code != http.StatusNoContent {
		t.Errorf("DELETE: %d", code)
	}
	if _, ok := s.ProvisioningWebhook(made.ID); ok {
		t.Error("the webhook was not deleted")
	}
	if len(s.Requests()) != 0 {
		t.Error("the admin API counted as requests to the APIs")
	}
}

func TestAdmin_appCallbackSecret(t *testing.T) {
	s := New(Options{Projects: map[string]string{"p1": "initial"}, Apps: map[string]string{"app-1": "p1"}})
	admin := httptest.NewServer(s.AdminHandler())
	defer admin.Close()
	const path = "/apps/app-1/callback_settings/secret_for_overridden_callback_urls"
	if code, _ := adminCall(t, admin, http.MethodPut, path, "set-in-the-dashboard\n"); code != http.StatusNoContent {
		t.Errorf("PUT: %d", code)
	}
	if app, _ := s.App("app-1"); app.CallbackSettings.SecretForOverriddenCallbackURLs != "set-in-the-dashboard" {
		t.Errorf("the app is %+v", app)
	}
	if code, _ := adminCall(t, admin, http.MethodPut, "/apps/nope/callback_settings/secret_for_overridden_callback_urls", "x"); code != http.StatusNotFound {
		t.Errorf("PUT to an app that does not exist: %d", code)
	}
	s.ChangeApp("app-1", func(app *App) { app.ChannelCredentials = nil })
	_, body := adminCall(t, admin, http.MethodGet, "/projects/p1", "")
	if !strings.Contains(body, `"apps":[{"id":"app-1","display_name":"App app-1","channel_credentials":[]`) ||
		!strings.Contains(body, `"callback_settings":{"secret_for_overridden_callback_urls":"set-in-the-dashboard"}`) {
		t.Errorf("the project's state does not list its apps, in the API's field names: %s", body)
	}
	if code, body := adminCall(t, admin, http.MethodGet, "/", ""); code != 200 || !strings.Contains(body, "POST   /provisioning/webhooks") ||
		!strings.Contains(body, "PUT    /apps/{app}/callback_settings/secret_for_overridden_callback_urls") {
		t.Errorf("GET /: %d %s", code, body)
	}
}
