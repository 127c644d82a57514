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

// webhookCall makes a call of the Conversation API at path (below /v1/projects/p1), and returns the
// status and the decoded answer.
func webhookCall(t *testing.T, mock *sinchmock.Running, bearer, method, path, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, mock.ConversationURL+"/v1/projects/p1"+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+bearer)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var decoded map[string]any
	if err := json.Unmarshal(raw, &decoded); err != nil {
		t.Fatalf("%s %s: the body %q is not JSON", method, path, raw)
	}
	return resp.StatusCode, decoded
}

func startWithApp(t *testing.T, hide bool) (*sinchmock.Running, string) {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: "kid", KeySecret: "ksecret", Projects: map[string]string{"p1": "s1"},
		Apps: map[string]string{"app-1": "p1"}, HideWebhookSecrets: hide})
	t.Cleanup(mock.Close)
	return mock, token(t, mock)
}

const hookBody = `{"app_id":"app-1","target":"https://handler.example/callbacks","triggers":["MESSAGE_DELIVERY"],"secret":"hook-secret",
	"client_credentials":{"client_id":"cid","client_secret":"csecret","endpoint":"https://auth.example/token"}}`

func TestWebhooks_lifecycle(t *testing.T) {
	mock, bearer := startWithApp(t, false)
	code, made := webhookCall(t, mock, bearer, http.MethodPost, "/webhooks", hookBody)
	id, _ := made["id"].(string)
	if code != 200 || len(id) != 26 || made["target_type"] != "HTTP" || made["secret"] != "hook-secret" {
		t.Fatalf("create: %d %v", code, made)
	}
	code, got := webhookCall(t, mock, bearer, http.MethodGet, "/webhooks/"+id, "")
	if credentials, _ := got["client_credentials"].(map[string]any); code != 200 || got["target"] != "https://handler.example/callbacks" ||
		credentials["client_secret"] != "csecret" {
		t.Errorf("get: %d %v", code, got)
	}

	// update_mask: the named fields change, the others keep their value, and a named field absent from
	// the body is cleared.
	code, changed := webhookCall(t, mock, bearer, http.MethodPatch, "/webhooks/"+id+"?update_mask=triggers,secret",
		`{"target":"https://ignored.example/","triggers":["MESSAGE_INBOUND","EVENT_DELIVERY"]}`)
	hook, _ := mock.Webhook(id)
	if code != 200 || hook.Target != "https://handler.example/callbacks" || fmt.Sprint(hook.Triggers) != "[MESSAGE_INBOUND EVENT_DELIVERY]" ||
		hook.Secret != "" || hook.ClientCredentials == nil || changed["secret"] != "" {
		t.Errorf("patch: %d %v, holds %+v", code, changed, hook)
	}
	if code, body := webhookCall(t, mock, bearer, http.MethodPatch, "/webhooks/"+id+"?update_mask=secret", `{"secret":"x"}`); code != 400 {
		t.Errorf("patch without target: %d %v", code, body)
	}

	code, list := webhookCall(t, mock, bearer, http.MethodGet, "/apps/app-1/webhooks", "")
	if hooks, _ := list["webhooks"].([]any); code != 200 || len(hooks) != 1 {
		t.Errorf("list: %d %v", code, list)
	}
	if code, body := webhookCall(t, mock, bearer, http.MethodDelete, "/webhooks/"+id, ""); code != 200 || len(body) != 0 {
		t.Errorf("delete: %d %v", code, body)
	}
	code, gone := webhookCall(t, mock, bearer, http.MethodGet, "/webhooks/"+id, "")
	if status, _ := sinchError(t, gone); code != 404 || status != "NOT_FOUND" {
		t.Errorf("get after delete: %d %v", code, gone)
	}
	if c := mock.CountsOf(sinchmock.Conversation); c.Post != 1 || c.Patch != 2 || c.Delete != 1 || c.Get != 3 {
		t.Errorf("counts %+v", c)
	}
}

func TestWebhooks_refusals(t *testing.T) {
	mock, bearer := startWithApp(t, false)
	for name, tc := range map[string]struct {
		body  string
		code  int
		field string
	}{
		"no target":             {`{"app_id":"app-1","triggers":["MESSAGE_DELIVERY"]}`, 400, "target"},
		"target too long":       {`{"app_id":"app-1","target":"https://h.example/` + strings.Repeat("a", 742) + `","triggers":["MESSAGE_DELIVERY"]}`, 400, "target"},
		"not a URL":             {`{"app_id":"app-1","target":"handler","triggers":["MESSAGE_DELIVERY"]}`, 400, "target"},
		"Conversation API host": {`{"app_id":"app-1","target":"https://conversation-api.eu.sinch.com/x","triggers":["MESSAGE_DELIVERY"]}`, 400, "target"},
		"unknown trigger":       {`{"app_id":"app-1","target":"https://h.example/","triggers":["MESSAGE_TELEPATHY"]}`, 400, "triggers"},
		"unspecified trigger":   {`{"app_id":"app-1","target":"https://h.example/","triggers":["UNSPECIFIED_TRIGGER"]}`, 400, "triggers"},
		"no trigger":            {`{"app_id":"app-1","target":"https://h.example/","triggers":[]}`, 400, "triggers"},
		"bad target type":       {`{"app_id":"app-1","target":"https://h.example/","target_type":"SMTP","triggers":["MESSAGE_DELIVERY"]}`, 400, "target_type"},
		"credentials without secret": {`{"app_id":"app-1","target":"https://h.example/","triggers":["MESSAGE_DELIVERY"],
			"client_credentials":{"client_id":"c","endpoint":"https://a.example/"}}`, 400, "client_credentials"},
		"unknown app": {`{"app_id":"app-9","target":"https://h.example/","triggers":["MESSAGE_DELIVERY"]}`, 404, ""},
	} {
		t.Run(name, func(t *testing.T) {
			code, body := webhookCall(t, mock, bearer, http.MethodPost, "/webhooks", tc.body)
			status, detail := sinchError(t, body)
			if code != tc.code || tc.code == 400 && (status != "INVALID_ARGUMENT" || !strings.Contains(fmt.Sprint(detail), "field:"+tc.field)) ||
				tc.code == 404 && status != "NOT_FOUND" {
				t.Errorf("%d %v", code, body)
			}
		})
	}
	if hooks := mock.Webhooks("app-1"); len(hooks) != 0 {
		t.Errorf("refused creates made %d webhooks", len(hooks))
	}

	// The sixth webhook of an app.
	for i := range sinchmock.MaxWebhooksPerApp + 1 {
		code, body := webhookCall(t, mock, bearer, http.MethodPost, "/webhooks", hookBody)
		if want := 200; i == sinchmock.MaxWebhooksPerApp && code != 400 || i < sinchmock.MaxWebhooksPerApp && code != want {
			t.Errorf("webhook %d: %d %v", i+1, code, body)
		}
	}
}

func TestWebhooks_hiddenSecrets(t *testing.T) {
	mock, bearer := startWithApp(t, true)
	_, made := webhookCall(t, mock, bearer, http.MethodPost, "/webhooks", hookBody)
	if _, ok := made["secret"]; ok {
		t.Errorf("the answer holds the secret: %v", made)
	}
	if credentials, _ := made["client_credentials"].(map[string]any); credentials["client_secret"] != nil {
		t.Errorf("the answer holds the client secret: %v", made)
	}
	id, _ := made["id"].(string)
	if hook, _ := mock.Webhook(id); hook.Secret != "hook-secret" {
		t.Errorf("the mock does not hold the secret sent: %+v", hook)
	}
}

// A create whose answer is lost: the webhook is made, and the client gets a 500 or no answer.
func TestWebhooks_lostAnswer(t *testing.T) {
	mock, bearer := startWithApp(t, false)
	mock.Script(sinchmock.Conversation, http.MethodPost, "/v1/projects/p1/webhooks", sinchmock.Lost(500))
	if code, body := webhookCall(t, mock, bearer, http.MethodPost, "/webhooks", hookBody); code != 500 {
		t.Errorf("%d %v", code, body)
	}
	if hooks := mock.Webhooks("app-1"); len(hooks) != 1 {
		t.Errorf("%d webhooks, want the one the lost create made", len(hooks))
	}
	mock.Script(sinchmock.Conversation, http.MethodPost, "/v1/projects/p1/webhooks", sinchmock.Lost(0))
	req, _ := http.NewRequest(http.MethodPost, mock.ConversationURL+"/v1/projects/p1/webhooks", strings.NewReader(hookBody))
	req.Header.Set("Authorization", "Bearer "+bearer)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Error("the connection was not dropped")
	}
	if hooks := mock.Webhooks("app-1"); len(hooks) != 2 {
		t.Errorf("%d webhooks, want 2", len(hooks))
	}
}
