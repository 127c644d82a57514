package sinchmock_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func startWithApps(t *testing.T, hide bool) (*sinchmock.Running, string) {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: "kid", KeySecret: "ksecret", Projects: map[string]string{"p1": "s1"},
		Apps: map[string]string{"app-1": "p1", "app-eu": "p1"}, AppRegions: map[string]string{"app-eu": "eu"}, HideAppSecrets: hide})
	t.Cleanup(mock.Close)
	return mock, token(t, mock)
}

const callbackSecretBody = `{"callback_settings":{"secret_for_overridden_callback_urls":"callback-secret"}}`

func TestApps_get(t *testing.T) {
	mock, bearer := startWithApps(t, false)
	mock.SetAppCallbackSecret("app-1", "set-in-the-dashboard")
	code, app := webhookCall(t, mock, bearer, http.MethodGet, "/apps/app-1", "")
	settings, _ := app["callback_settings"].(map[string]any)
	credentials, _ := app["channel_credentials"].([]any)
	if code != 200 || app["id"] != "app-1" || app["display_name"] != "App app-1" || len(credentials) != 1 ||
		settings["secret_for_overridden_callback_urls"] != "set-in-the-dashboard" {
		t.Errorf("%d %v", code, app)
	}
	held, _ := mock.App("app-1")
	if held.ProjectID != "p1" || held.CallbackSettings.SecretForOverriddenCallbackURLs != "set-in-the-dashboard" ||
		held.ChannelCredentials[0].Channel != "SMS" || held.ChannelCredentials[0].StaticBearer.Token == "" {
		t.Errorf("the mock holds %+v", held)
	}
	if mock.SetAppCallbackSecret("no-such-app", "x") {
		t.Error("SetAppCallbackSecret says an unknown app exists")
	}
}

func TestApps_hiddenSecret(t *testing.T) {
	mock, bearer := startWithApps(t, true)
	for _, call := range []struct{ method, body string }{
		{http.MethodPatch, callbackSecretBody}, {http.MethodGet, ""},
	} {
		code, app := webhookCall(t, mock, bearer, call.method, "/apps/app-1?update_mask=callback_settings", call.body)
		settings, _ := app["callback_settings"].(map[string]any)
		if _, answered := settings["secret_for_overridden_callback_urls"]; code != 200 || settings == nil || answered {
			t.Errorf("%s: %d %v", call.method, code, app)
		}
	}
	if app, _ := mock.App("app-1"); app.CallbackSettings.SecretForOverriddenCallbackURLs != "callback-secret" {
		t.Errorf("the mock holds %+v, not the secret sent", app)
	}
}

// A PATCH with the mask changes the callback settings and nothing else; without it, what the body leaves
// out is cleared.
func TestApps_patch(t *testing.T) {
	for _, tc := range []struct {
		query string
		// What the PATCH keeps of the app's other fields.
		keepsName, keepsCredentials bool
	}{
		{"?update_mask=callback_settings", true, true},
		{"?update_mask=callback_settings,display_name", false, true}, // named, absent from the body: cleared
		{"?update_mask=callback_settings&update_mask=display_name", false, true},
		{"?update_mask.paths=callback_settings", true, true},
		{"?update_mask=%20callback_settings%20", true, true},
		{"", false, false},
		{"?update_mask=", false, false},
		{"?updateMask=callback_settings", false, false}, // not the parameter's name: no mask
	} {
		t.Run(tc.query, func(t *testing.T) {
			mock, bearer := startWithApps(t, false)
			before, _ := mock.App("app-1")
			code, answer := webhookCall(t, mock, bearer, http.MethodPatch, "/apps/app-1"+tc.query, callbackSecretBody)
			after, _ := mock.App("app-1")
			if settings, _ := answer["callback_settings"].(map[string]any); code != 200 ||
				settings["secret_for_overridden_callback_urls"] != "callback-secret" || after.CallbackSettings.SecretForOverriddenCallbackURLs != "callback-secret" {
				t.Fatalf("%d %v", code, answer)
			}
			if keptName := after.DisplayName == before.DisplayName; keptName != tc.keepsName || !keptName && (after.DisplayName != "" || answer["display_name"] != "") {
				t.Errorf("display name %q (it was %q), answered %v", after.DisplayName, before.DisplayName, answer)
			}
			keptCredentials := reflect.DeepEqual(after.ChannelCredentials, before.ChannelCredentials)
			if keptCredentials != tc.keepsCredentials || !keptCredentials && (len(after.ChannelCredentials) != 0 || fmt.Sprint(answer["channel_credentials"]) != "[]") {
				t.Errorf("channel credentials %+v (they were %+v), answered %v", after.ChannelCredentials, before.ChannelCredentials, answer)
			}
		})
	}
}

func TestApps_refusals(t *testing.T) {
	mock, bearer := startWithApps(t, false)
	before, _ := mock.App("app-1")
	for _, tc := range []struct {
		path, body, field string
	}{
		{"/apps/app-1?update_mask=callback_settings,retention_policy", callbackSecretBody, "update_mask"},
		{"/apps/app-1?update_mask=callback_settings.secret_for_overridden_callback_urls", callbackSecretBody, "update_mask"},
		{"/apps/app-1?update_mask=callback_settings", `{"callback_settings":{"secret_for_overridden_callback_urls":42}}`, "callback_settings"},
		{"/apps/app-1?update_mask=callback_settings", `{"callback_settings":"s"}`, "callback_settings"},
		{"/apps/app-1?update_mask=callback_settings", `callback_settings`, "body"},
	} {
		code, body := webhookCall(t, mock, bearer, http.MethodPatch, tc.path, tc.body)
		status, detail := sinchError(t, body)
		violations, _ := detail["fieldViolations"].([]any)
		var field any
		if len(violations) > 0 {
			first, _ := violations[0].(map[string]any)
			field = first["field"]
		}
		if code != 400 || status != "INVALID_ARGUMENT" || !reflect.DeepEqual(field, tc.field) {
			t.Errorf("%s %s: %d %v", tc.path, tc.body, code, body)
		}
	}
	if after, _ := mock.App("app-1"); !reflect.DeepEqual(after, before) {
		t.Errorf("refused PATCHes changed the app: %+v", after)
	}
}

// An app lives in one region: another region's host answers 404 for it, as for an app that does not
// exist.
func TestApps_notFound(t *testing.T) {
	mock, bearer := startWithApps(t, false)
	for _, tc := range []struct {
		api       sinchmock.API
		path      string
		code      int
		resources string
	}{
		{sinchmock.Conversation, "/v1/projects/p1/apps/app-eu", 404, "App"},
		{sinchmock.ConversationEU, "/v1/projects/p1/apps/app-eu", 200, ""},
		{sinchmock.ConversationEU, "/v1/projects/p1/apps/app-1", 404, "App"},
		{sinchmock.Conversation, "/v1/projects/p1/apps/no-such-app", 404, "App"},
		{sinchmock.Conversation, "/v1/projects/nope/apps/app-1", 404, "Project"},
	} {
		for _, method := range []string{http.MethodGet, http.MethodPatch} {
			resp, body := callPath(t, mock, tc.api, method, tc.path+"?update_mask=callback_settings", bearer, callbackSecretBody)
			if resp.StatusCode != tc.code {
				t.Errorf("%s %s at %s: %d %v", method, tc.path, tc.api, resp.StatusCode, body)
			}
			if tc.code != 404 {
				continue
			}
			if _, detail := sinchError(t, body); detail["resourceType"] != tc.resources {
				t.Errorf("%s %s at %s: %v", method, tc.path, tc.api, body)
			}
		}
	}
	if app, _ := mock.App("app-1"); app.CallbackSettings.SecretForOverriddenCallbackURLs != "" {
		t.Errorf("a PATCH at another region's host changed the app: %+v", app)
	}
	if c := mock.CountsOf(sinchmock.ConversationEU); c.Get != 2 || c.Patch != 2 {
		t.Errorf("counts at eu %+v", c)
	}
}

// callPath makes a call of an API at a path, and returns the answer and its body decoded.
func callPath(t *testing.T, mock *sinchmock.Running, api sinchmock.API, method, path, bearer, body string) (*http.Response, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, mock.URLOf(api)+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+bearer)
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
	return resp, decoded
}
