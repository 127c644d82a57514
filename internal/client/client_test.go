package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const (
	keyID     = "key-id"
	keySecret = "key-secret-3a9c"
	secret    = "d1c7ccbf-919d-462f-8587-dec95a1b11ee"
)

// senderID and numbersAPI are APIs of the table, for the tests that need one.
var senderID, numbersAPI = mustAPI("sender-id"), mustAPI("numbers")

func mustAPI(key string) client.API {
	api, ok := sinchapi.ByKey(key)
	if !ok {
		panic("no API " + key)
	}
	return api
}

func newMock(t *testing.T) *sinchmock.Running {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: keyID, KeySecret: keySecret, Projects: map[string]string{"p1": secret}})
	t.Cleanup(mock.Close)
	return mock
}

// newClient returns the calls of the Sender ID Registrations API at apiURL.
func newClient(t *testing.T, apiURL, tokenURL string) *client.CallbackConfigurations {
	t.Helper()
	return callsOf(t, client.Config{TokenURL: tokenURL, KeyID: keyID, KeySecret: keySecret, UserAgent: "test-agent/1"},
		senderID, apiURL)
}

func callsOf(t *testing.T, cfg client.Config, api client.API, baseURL string) *client.CallbackConfigurations {
	t.Helper()
	c, err := client.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	calls, err := c.CallbackConfigurations(api, baseURL)
	if err != nil {
		t.Fatal(err)
	}
	return calls
}

func TestClient_readAndUpdate(t *testing.T) {
	mock := newMock(t)
	c := newClient(t, mock.URL, mock.TokenURL)
	ctx := context.Background()

	got, err := c.Get(ctx, "p1")
	if err != nil {
		t.Fatal(err)
	}
	if got.ProjectID != "p1" || got.HMACSecret != secret {
		t.Errorf("read %q, %q; want p1 and the seeded secret", got.ProjectID, got.HMACSecret)
	}

	got, err = c.Update(ctx, "p1", "new-secret")
	if err != nil {
		t.Fatal(err)
	}
	if got.HMACSecret != "new-secret" {
		t.Errorf("update answered %q, want new-secret", got.HMACSecret)
	}
	if s, _ := mock.Secret(sinchmock.SenderID, "p1"); s != "new-secret" {
		t.Errorf("the mock holds %q, want new-secret", s)
	}
	if want := (sinchmock.Counts{Token: 1, Get: 1, Put: 1}); mock.Counts() != want {
		t.Errorf("requests: got %+v, want %+v", mock.Counts(), want)
	}
	for _, r := range mock.Requests() {
		if r.UserAgent != "test-agent/1" {
			t.Errorf("%s %s sent User-Agent %q", r.Method, r.Path, r.UserAgent)
		}
	}
}

func TestClient_errors(t *testing.T) {
	mock := newMock(t)

	t.Run("project not found", func(t *testing.T) {
		_, err := newClient(t, mock.URL, mock.TokenURL).Get(context.Background(), "nope")
		var apiErr *client.APIError
		if !errors.As(err, &apiErr) || !client.IsNotFound(err) {
			t.Fatalf("got %v, want a 404 APIError", err)
		}
		if apiErr.Status != "NOT_FOUND" || apiErr.Message == "" || len(apiErr.Details) != 1 ||
			apiErr.Details[0].Type != "ResourceInfo" || apiErr.Details[0].ResourceName != "nope" {
			t.Errorf("decoded %+v", apiErr)
		}
	})

	t.Run("field violations", func(t *testing.T) {
		_, err := newClient(t, mock.URL, mock.TokenURL).Update(context.Background(), "p1", "")
		var apiErr *client.APIError
		if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 400 || apiErr.Status != "INVALID_ARGUMENT" {
			t.Fatalf("got %v, want a 400 INVALID_ARGUMENT APIError", err)
		}
		if v := apiErr.FieldViolations(); len(v) != 1 || v[0].Field != "hmacSecret" || v[0].Description == "" {
			t.Errorf("field violations %+v", v)
		}
		if !strings.Contains(err.Error(), "hmacSecret: ") {
			t.Errorf("the message %q does not name the field", err)
		}
	})

	t.Run("bad access key", func(t *testing.T) {
		mock := newMock(t)
		c := callsOf(t, client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: "wrong-key-secret"}, senderID, mock.URL)
		_, err := c.Get(context.Background(), "p1")
		var tokenErr *client.TokenError
		if !errors.As(err, &tokenErr) || tokenErr.HTTPStatus != 401 || tokenErr.Code != "invalid_client" {
			t.Fatalf("got %v, want a 401 invalid_client TokenError", err)
		}
		if strings.Contains(err.Error(), "wrong-key-secret") || strings.Contains(err.Error(), "attempts") {
			t.Errorf("the error repeats the key secret, or counts one attempt: %v", err)
		}
		if mock.Counts().Get != 0 {
			t.Errorf("the API was called without a token")
		}
	})
}

// withAnswer serves the mock's token endpoint, and answers every API call with status and body.
func withAnswer(t *testing.T, status int, contentType, body string) *httptest.Server {
	tokens := sinchmock.New(sinchmock.Options{KeyID: keyID, KeySecret: keySecret}).Handler(sinchmock.SenderID)
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == sinchmock.TokenPath {
			tokens.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(server.Close)
	return server
}

func TestClient_answersThatAreNotSinchs(t *testing.T) {
	for name, tc := range map[string]struct {
		status      int
		contentType string
		body        string
		want        string
	}{
		"proxy HTML page": {502, "text/html", "<html><body>Bad Gateway</body></html>",
			"HTTP 502 (Bad Gateway; the body is not Sinch's JSON error)"},
		"empty error body": {503, "application/json", "",
			"HTTP 503 (Service Unavailable; the body is not Sinch's JSON error)"},
		"JSON of another shape": {500, "application/json", `{"message":"boom"}`,
			"HTTP 500 (Internal Server Error; the body is not Sinch's JSON error)"},
		"200 of another project": {200, "application/json", `{"projectId":"p2","hmacSecret":"` + secret + `"}`,
			"HTTP 200, but it is the callback configuration of another project"},
		"200 that is a JSON null": {200, "application/json", `null`,
			"HTTP 200, but it is not JSON of the documented shape"},
		"200 with a secret of the wrong type": {200, "application/json", `{"hmacSecret":["` + secret + `"]}`,
			"HTTP 200, but it is not JSON of the documented shape"},
		"200 with truncated JSON": {200, "application/json", `{"hmacSecret":"` + secret,
			"HTTP 200, but it is not JSON of the documented shape"},
	} {
		t.Run(name, func(t *testing.T) {
			server := withAnswer(t, tc.status, tc.contentType, tc.body)
			_, err := newClient(t, server.URL, server.URL+sinchmock.TokenPath).Get(context.Background(), "p1")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error saying %q", err, tc.want)
			}
			if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), keySecret) {
				t.Errorf("the error repeats a secret: %v", err)
			}
		})
	}
}

func TestClient_unreachable(t *testing.T) {
	server := httptest.NewServer(http.NotFoundHandler())
	server.Close() // nothing listens at its address any more
	_, err := newClient(t, server.URL, server.URL+"/oauth2/token").Get(context.Background(), "p1")
	var tokenErr *client.TokenError
	if !errors.As(err, &tokenErr) || tokenErr.HTTPStatus != 0 || !strings.Contains(err.Error(), server.URL) {
		t.Fatalf("got %v, want a TokenError naming %s", err, server.URL)
	}
}

func TestCallbackConfiguration_formattingHidesTheSecret(t *testing.T) {
	cfg := client.CallbackConfiguration{ProjectID: "p1", HMACSecret: secret}
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		if out := fmt.Sprintf(format, cfg); strings.Contains(out, secret) || !strings.Contains(out, "p1") {
			t.Errorf("%s prints %q", format, out)
		}
		if out := fmt.Sprintf(format, &cfg); strings.Contains(out, secret) {
			t.Errorf("%s of a pointer prints %q", format, out)
		}
	}
}

func TestNew_rejectsIncompleteConfig(t *testing.T) {
	if _, err := client.New(client.Config{TokenURL: "https://t", KeyID: "k", KeySecret: "s", MaxRetries: -1}); err == nil {
		t.Error("a negative number of retries: got no error")
	}
	c, err := client.New(client.Config{TokenURL: "https://t", KeyID: "k", KeySecret: "s"})
	if err != nil {
		t.Fatal(err)
	}
	for _, baseURL := range []string{"/v1", "api.sinch.com", "https://"} {
		if _, err := c.CallbackConfigurations(numbersAPI, baseURL); err == nil || !strings.Contains(err.Error(), "Numbers API") {
			t.Errorf("base URL %q: got %v, want an error naming the API", baseURL, err)
		}
	}
}

func TestClient_redactsAnEchoedSecret(t *testing.T) {
	const sent = "secret-that-sinch-quotes-back"
	server := withAnswer(t, 400, "application/json", `{"error":{"code":400,"status":"INVALID_ARGUMENT",
		"message":"hmacSecret `+sent+` is not allowed",
		"details":[{"type":"BadRequest","fieldViolations":[{"field":"hmacSecret","description":"'`+sent+`' is too weak"}]}]}}`)
	_, err := newClient(t, server.URL, server.URL+sinchmock.TokenPath).Update(context.Background(), "p1", sent)
	if err == nil || strings.Contains(err.Error(), sent) || !strings.Contains(err.Error(), "'(redacted)' is too weak") {
		t.Fatalf("got %v, want the violation with the secret redacted", err)
	}
}

func TestClient_logsEachCallWithoutSecrets(t *testing.T) {
	mock := newMock(t)
	var entries []string
	c := callsOf(t, client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret,
		Log: func(_ context.Context, msg string, fields map[string]any) {
			entries = append(entries, fmt.Sprintf("%s %v", msg, fields))
		}}, senderID, mock.URL)
	if _, err := c.Update(context.Background(), "p1", "logged-nowhere"); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 || !strings.Contains(entries[0], "path:/oauth2/token") ||
		!strings.HasPrefix(entries[1], "Fetched a Sinch access token") ||
		!strings.Contains(entries[2], "method:PUT") || !strings.Contains(entries[2], "path:/v1/projects/p1/callback-configuration") ||
		!strings.Contains(entries[2], "status:200") || !strings.Contains(entries[2], "attempt:1") || !strings.Contains(entries[2], "duration_ms:") {
		t.Fatalf("log entries: %q", entries)
	}
	token := mock.Requests()[1].Token
	for _, e := range entries {
		for _, s := range []string{"logged-nowhere", secret, keySecret, token} {
			if strings.Contains(e, s) {
				t.Errorf("the entry %q holds a secret", e)
			}
		}
	}
}

// Sinch's error body is read field by field: a field of an unexpected type, anywhere, costs that field
// only, so that a NOT_FOUND still counts as one.
func TestClient_errorBodyIsReadLeniently(t *testing.T) {
	for name, tc := range map[string]struct {
		body                string
		notFound            bool
		message, resource   string
		violation, violated string
	}{
		"code as a string, as Sinch's Node SDK types it": {
			body:     `{"error":{"code":"404","status":"NOT_FOUND","message":"Project p1 not found","details":[]}}`,
			notFound: true, message: "Project p1 not found"},
		"a detail with a number where a string was expected": {
			body: `{"error":{"code":404,"status":"NOT_FOUND","message":"gone","details":[
				{"type":"ResourceInfo","resourceType":7,"resourceName":"p1","description":"The project id introduced does not exist."}]}}`,
			notFound: true, message: "gone", resource: "p1"},
		"details that are not a list": {
			body:     `{"error":{"code":404,"status":"NOT_FOUND","message":"gone","details":{"type":"ResourceInfo"}}}`,
			notFound: true, message: "gone"},
		"a detail that is not an object, beside one that is": {
			body: `{"error":{"status":"INVALID_ARGUMENT","message":"bad","details":["text",
				{"type":"BadRequest","fieldViolations":[{"field":"hmacSecret","description":5},{"field":"hmacSecret","description":"too long"}]}]}}`,
			message: "bad", violation: "hmacSecret", violated: "too long"},
		"a message that is not a string": {
			body: `{"error":{"code":404,"status":"NOT_FOUND","message":{"text":"gone"}}}`, notFound: true},
		"a status that is not a string": {
			body: `{"error":{"code":404,"status":5,"message":"gone"}}`, message: "gone"},
		"keys in other letters": {
			body: `{"error":{"code":404,"Status":"NOT_FOUND","message":"gone"}}`, message: "gone"},
	} {
		t.Run(name, func(t *testing.T) {
			status := 404
			if tc.violation != "" {
				status = 400
			}
			server := withAnswer(t, status, "application/json", tc.body)
			_, err := newClient(t, server.URL, server.URL+sinchmock.TokenPath).Get(context.Background(), "p1")
			var apiErr *client.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("got %v, want an APIError", err)
			}
			if client.IsNotFound(err) != tc.notFound || apiErr.Message != tc.message {
				t.Errorf("not found %v, message %q; want %v, %q", client.IsNotFound(err), apiErr.Message, tc.notFound, tc.message)
			}
			var resource string
			for _, d := range apiErr.Details {
				resource += d.ResourceName
			}
			if resource != tc.resource {
				t.Errorf("resource %q, want %q", resource, tc.resource)
			}
			var violations []string
			for _, v := range apiErr.FieldViolations() {
				if v.Description != "" {
					violations = append(violations, v.Field+": "+v.Description)
				}
			}
			if want := tc.violation + ": " + tc.violated; tc.violation != "" && (len(violations) != 1 || violations[0] != want) {
				t.Errorf("violations %q, want %q", violations, want)
			}
		})
	}
}

// An error answer that quotes the access token in use or the access key's secret (an API that echoes
// the request, a proxy's debug page) is redacted wherever it quotes them: the status, the message and
// every field of the details. Diagnostics show these, and Terraform logs every diagnostic at TRACE.
func TestClient_errorsAreRedactedOfTheCredentials(t *testing.T) {
	tokens := sinchmock.New(sinchmock.Options{KeyID: keyID, KeySecret: keySecret}).Handler(sinchmock.SenderID)
	var used string
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == sinchmock.TokenPath {
			tokens.ServeHTTP(w, r)
			return
		}
		used = strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		quote := func(s string) string { return used + " " + keySecret + " " + s }
		body, _ := json.Marshal(map[string]any{"error": map[string]any{
			"code": 403, "status": quote("PERMISSION_DENIED"), "message": quote("Authorization: Bearer " + used),
			"details": []map[string]any{
				{"type": quote("ResourceInfo"), "resourceType": quote("Project"), "resourceName": quote("p1"), "description": quote("denied")},
				{"type": quote("BadRequest"), "resourceType": quote(""), "resourceName": quote(""), "description": quote(""),
					"fieldViolations": []map[string]string{{"field": quote("token"), "description": quote("key")}}},
			},
		}})
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write(body)
	}))
	defer server.Close()
	_, err := newClient(t, server.URL, server.URL+sinchmock.TokenPath).Get(context.Background(), "p1")
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || used == "" {
		t.Fatalf("got %v, want an APIError", err)
	}
	fields := []string{err.Error(), apiErr.Status, apiErr.Message}
	for _, d := range apiErr.Details {
		fields = append(fields, d.Type, d.ResourceType, d.ResourceName, d.Description)
		for _, v := range d.FieldViolations {
			fields = append(fields, v.Field, v.Description)
		}
	}
	for _, field := range fields {
		if !strings.Contains(field, "(redacted) (redacted)") || strings.Contains(field, used) || strings.Contains(field, keySecret) {
			t.Errorf("%q is not redacted of the token and the key secret", field)
		}
	}
}
