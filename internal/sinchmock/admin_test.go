package sinchmock

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

func TestAdmin(t *testing.T) {
	s := New(Options{Projects: map[string]string{"p1": "initial"}})
	admin := httptest.NewServer(s.AdminHandler())
	defer admin.Close()
	call := func(method, path, body string) (int, string) {
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

	if code, _ := call(http.MethodPut, "/projects/p1/secrets/numbers", "changed-in-the-dashboard\n"); code != http.StatusNoContent {
		t.Fatalf("PUT a secret: %d", code)
	}
	if secret, _ := s.Secret(Numbers, "p1"); secret != "changed-in-the-dashboard" {
		t.Errorf("the Numbers API holds %q", secret)
	}
	if secret, _ := s.Secret(SenderID, "p1"); secret != "initial" {
		t.Errorf("another API's secret changed: %q", secret)
	}
	code, body := call(http.MethodGet, "/projects/p1", "")
	var project struct {
		Project string
		Secrets map[string]string
	}
	if err := json.Unmarshal([]byte(body), &project); err != nil || code != 200 || project.Project != "p1" ||
		project.Secrets["numbers"] != "changed-in-the-dashboard" || project.Secrets["brands"] != "initial" {
		t.Errorf("GET a project: %d %s", code, body)
	}
	if code, body := call(http.MethodPut, "/projects/p1/secrets/sms", "x"); code != http.StatusNotFound || !strings.Contains(body, strings.Join(tableKeys(), ", ")) {
		t.Errorf("PUT to an API that does not exist: %d %s", code, body)
	}
	// Webhooks, as the dashboard changes them.
	s.AddApp("p1", "app-1")
	id := s.AddWebhook("p1", Webhook{AppID: "app-1", Target: "https://h.example/", Triggers: []string{"MESSAGE_DELIVERY"}, Secret: "s1"})
	for field, value := range map[string]string{"target": "https://elsewhere.example/", "secret": "changed"} {
		if code, _ := call(http.MethodPut, "/webhooks/"+id+"/"+field, value+"\n"); code != http.StatusNoContent {
			t.Errorf("PUT a webhook's %s: %d", field, code)
		}
	}
	if hook, _ := s.Webhook(id); hook.Target != "https://elsewhere.example/" || hook.Secret != "changed" {
		t.Errorf("the webhook is %+v", hook)
	}
	if _, body := call(http.MethodGet, "/projects/p1", ""); !strings.Contains(body, `"id":"`+id+`","project_id":"p1","app_id":"app-1"`) {
		t.Errorf("the project's state does not list its webhook, in the API's field names: %s", body)
	}
	// A webhook made as in the dashboard, in the API's field names.
	code, body = call(http.MethodPost, "/webhooks", `{"project_id": "p1", "app_id": "app-1", "target": "https://dashboard.example/",
		"triggers": ["MESSAGE_INBOUND"], "secret": "made-in-the-dashboard"}`)
	var made Webhook
	if err := json.Unmarshal([]byte(body), &made); err != nil || code != http.StatusCreated || made.ID == "" {
		t.Fatalf("POST a webhook: %d %s", code, body)
	}
	if hook, ok := s.Webhook(made.ID); !ok || hook.Target != "https://dashboard.example/" || hook.Secret != "made-in-the-dashboard" ||
		hook.TargetType != "HTTP" || len(hook.Triggers) != 1 {
		t.Errorf("the webhook made is %+v", hook)
	}
	if code, _ := call(http.MethodPost, "/webhooks", `{"project_id": "p1", "app_id": "no-such-app", "target": "https://x.example/"}`); code != http.StatusNotFound {
		t.Errorf("POST a webhook of an app that does not exist: %d", code)
	}
	if code, _ := call(http.MethodPut, "/webhooks/nope/target", "x"); code != http.StatusNotFound {
		t.Errorf("PUT to a webhook that does not exist: %d", code)
	}
	if code, _ := call(http.MethodDelete, "/webhooks/"+id, ""); code != http.StatusNoContent {
		t.Errorf("DELETE a webhook: %d", code)
	}
	if _, ok := s.Webhook(id); ok {
		t.Error("the webhook was not deleted")
	}

	if code, _ := call(http.MethodDelete, "/projects/p1", ""); code != http.StatusNoContent {
		t.Errorf("DELETE a project: %d", code)
	}
	if code, _ := call(http.MethodGet, "/projects/p1", ""); code != http.StatusNotFound {
		t.Errorf("GET a deleted project: %d", code)
	}
	if code, body := call(http.MethodGet, "/", ""); code != 200 || !strings.Contains(body, "PUT    /projects/{project}/secrets/{api}") {
		t.Errorf("GET /: %d %s", code, body)
	}
	if len(s.Requests()) != 0 {
		t.Error("the admin API counted as requests to the APIs")
	}
}

func TestShellExports(t *testing.T) {
	settings := [][2]string{{"A", "http://127.0.0.1:1"}, {"B", "it's"}, {"C", ""}}
	text := ShellExports(settings)
	if !strings.HasPrefix(text, "export A='http://127.0.0.1:1'\nexport B='it'\\''s'\n") {
		t.Errorf("exports:\n%s", text)
	}
	parsed := ParseShellExports(text)
	for _, s := range settings {
		if parsed[s[0]] != s[1] {
			t.Errorf("%s read back as %q, want %q", s[0], parsed[s[0]], s[1])
		}
	}
}

// tableKeys are the keys of the table of APIs, sorted: each names an API in the admin API.
func tableKeys() []string {
	var keys []string
	for _, api := range sinchapi.CallbackAPIs {
		keys = append(keys, api.Key)
	}
	sort.Strings(keys)
	return keys
}
