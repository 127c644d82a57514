package sinchmock_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func start(t *testing.T) *sinchmock.Running {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: "kid", KeySecret: "ksecret", Projects: map[string]string{"p1": "s1"}})
	t.Cleanup(mock.Close)
	return mock
}

func tokenRequest(t *testing.T, mock *sinchmock.Running, keyID, keySecret, grant string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, mock.TokenURL, strings.NewReader(url.Values{"grant_type": {grant}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(keyID, keySecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func token(t *testing.T, mock *sinchmock.Running) string {
	t.Helper()
	var answer struct {
		AccessToken string `json:"access_token"`
		TokenType   string `json:"token_type"`
		ExpiresIn   int    `json:"expires_in"`
	}
	resp := tokenRequest(t, mock, "kid", "ksecret", "client_credentials")
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil || resp.StatusCode != 200 {
		t.Fatalf("token: HTTP %d, %v", resp.StatusCode, err)
	}
	if answer.AccessToken == "" || answer.TokenType != "Bearer" || answer.ExpiresIn != 3600 {
		t.Fatalf("token answer %+v", answer)
	}
	return answer.AccessToken
}

func call(t *testing.T, mock *sinchmock.Running, method, projectID, bearer, body string) (*http.Response, map[string]any) {
	t.Helper()
	return callAPI(t, mock, sinchmock.SenderID, method, projectID, bearer, body)
}

func callAPI(t *testing.T, mock *sinchmock.Running, api sinchmock.API, method, projectID, bearer, body string) (*http.Response, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, mock.URLOf(api)+api.Path(projectID), strings.NewReader(body))
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
	var decoded map[string]any
	if err := json.Unmarshal(raw, &decoded); err != nil {
		t.Fatalf("%s: the body %q is not JSON", method, raw)
	}
	return resp, decoded
}

// sinchError returns error.status and the first detail of a RestError body.
func sinchError(t *testing.T, body map[string]any) (status string, detail map[string]any) {
	t.Helper()
	e, ok := body["error"].(map[string]any)
	if !ok {
		t.Fatalf("not a RestError: %v", body)
	}
	details, _ := e["details"].([]any)
	if len(details) > 0 {
		detail, _ = details[0].(map[string]any)
	}
	status, _ = e["status"].(string)
	return status, detail
}

func TestTokenEndpoint(t *testing.T) {
	mock := start(t)
	token(t, mock)
	for name, tc := range map[string]struct {
		keyID, keySecret, grant string
		status                  int
	}{
		"wrong key secret":   {"kid", "nope", "client_credentials", 401},
		"unknown key":        {"other", "ksecret", "client_credentials", 401},
		"another grant type": {"kid", "ksecret", "password", 400},
	} {
		if resp := tokenRequest(t, mock, tc.keyID, tc.keySecret, tc.grant); resp.StatusCode != tc.status {
			t.Errorf("%s: HTTP %d, want %d", name, resp.StatusCode, tc.status)
		}
	}
}

func TestGetAndPut(t *testing.T) {
	mock := start(t)
	bearer := token(t, mock)

	resp, body := call(t, mock, http.MethodGet, "p1", bearer, "")
	if resp.StatusCode != 200 || body["hmacSecret"] != "s1" || body["projectId"] != "p1" {
		t.Fatalf("GET: HTTP %d %v", resp.StatusCode, body)
	}
	resp, body = call(t, mock, http.MethodPut, "p1", bearer, `{"hmacSecret":"s2"}`)
	if resp.StatusCode != 200 || body["hmacSecret"] != "s2" || body["projectId"] != "p1" {
		t.Fatalf("PUT: HTTP %d %v", resp.StatusCode, body)
	}
	if s, _ := mock.Secret(sinchmock.SenderID, "p1"); s != "s2" {
		t.Errorf("secret after PUT: %q", s)
	}

	want := []sinchmock.Request{
		{API: sinchmock.SenderID, Method: "POST", Path: sinchmock.TokenPath, Body: "grant_type=client_credentials"},
		{API: sinchmock.SenderID, Method: "GET", Path: "/v1/projects/p1/callback-configuration", Token: bearer},
		{API: sinchmock.SenderID, Method: "PUT", Path: "/v1/projects/p1/callback-configuration", Token: bearer, Body: `{"hmacSecret":"s2"}`},
	}
	got := mock.Requests()
	for i := range got {
		got[i].UserAgent = ""
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("requests: got %+v, want %+v", got, want)
	}
	if c := mock.Counts(); c != (sinchmock.Counts{Token: 1, Get: 1, Put: 1}) {
		t.Errorf("counts: %+v", c)
	}
}

func TestUnknownProject(t *testing.T) {
	mock := start(t)
	bearer := token(t, mock)
	for _, method := range []string{http.MethodGet, http.MethodPut} {
		resp, body := call(t, mock, method, "nope", bearer, `{"hmacSecret":"s"}`)
		status, detail := sinchError(t, body)
		if resp.StatusCode != 404 || status != "NOT_FOUND" || detail["type"] != "ResourceInfo" || detail["resourceName"] != "nope" {
			t.Errorf("%s: HTTP %d %v", method, resp.StatusCode, body)
		}
	}
	mock.DeleteProject("p1")
	if resp, _ := call(t, mock, http.MethodGet, "p1", bearer, ""); resp.StatusCode != 404 {
		t.Errorf("GET of a deleted project: HTTP %d", resp.StatusCode)
	}
}

func TestPutValidation(t *testing.T) {
	mock := start(t)
	bearer := token(t, mock)
	for name, body := range map[string]string{
		"not JSON":         `hmacSecret=x`,
		"empty body":       ``,
		"JSON array":       `["x"]`,
		"no hmacSecret":    `{"secret":"x"}`,
		"empty hmacSecret": `{"hmacSecret":""}`,
		"number":           `{"hmacSecret":42}`,
		"null":             `{"hmacSecret":null}`,
	} {
		resp, answer := call(t, mock, http.MethodPut, "p1", bearer, body)
		status, detail := sinchError(t, answer)
		violations, _ := detail["fieldViolations"].([]any)
		if resp.StatusCode != 400 || status != "INVALID_ARGUMENT" || detail["type"] != "BadRequest" || len(violations) != 1 {
			t.Errorf("%s: HTTP %d %v", name, resp.StatusCode, answer)
			continue
		}
		if v, ok := violations[0].(map[string]any); !ok || v["field"] != "hmacSecret" || v["description"] == "" {
			t.Errorf("%s: violation %v", name, v)
		}
	}
	if s, _ := mock.Secret(sinchmock.SenderID, "p1"); s != "s1" {
		t.Errorf("a rejected PUT changed the secret to %q", s)
	}
}

func TestBearerToken(t *testing.T) {
	mock := start(t)
	for name, bearer := range map[string]string{"none": "", "unknown": "not-a-token"} {
		resp, body := call(t, mock, http.MethodGet, "p1", bearer, "")
		if status, _ := sinchError(t, body); resp.StatusCode != 401 || status != "UNAUTHENTICATED" {
			t.Errorf("%s: HTTP %d %v", name, resp.StatusCode, body)
		}
		if strings.Contains(resp.Header.Get("WWW-Authenticate"), "expired") {
			t.Errorf("%s: says expired", name)
		}
	}

	bearer := token(t, mock)
	mock.ExpireTokens()
	resp, _ := call(t, mock, http.MethodGet, "p1", bearer, "")
	if resp.StatusCode != 401 || !strings.Contains(resp.Header.Get("WWW-Authenticate"), "expired") {
		t.Errorf("expired token: HTTP %d, WWW-Authenticate %q", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}
	if resp, _ := call(t, mock, http.MethodGet, "p1", token(t, mock), ""); resp.StatusCode != 200 {
		t.Errorf("a new token after expiry: HTTP %d", resp.StatusCode)
	}
}

func TestConnectionsAreCounted(t *testing.T) {
	mock := start(t)
	bearer := token(t, mock)
	for range 5 {
		call(t, mock, http.MethodGet, "p1", bearer, "") // one kept-alive connection
	}
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for range 3 {
		req, _ := http.NewRequest(http.MethodGet, mock.URL+"/v1/projects/p1/callback-configuration", nil)
		req.Header.Set("Authorization", "Bearer "+bearer)
		resp, err := fresh.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	if n := mock.ConnectionsOpened(); n != 4 {
		t.Errorf("%d connections, want 4: one kept alive, three closed after each request", n)
	}
	if s := mock.Stats(); s.Get != 8 || s.TokensIssued != 1 || s.Connections != 4 {
		t.Errorf("stats %+v", s)
	}
}

func TestPutNeedsJSON(t *testing.T) {
	mock := start(t)
	req, _ := http.NewRequest(http.MethodPut, mock.URL+"/v1/projects/p1/callback-configuration", strings.NewReader(`{"hmacSecret":"s2"}`))
	req.Header.Set("Authorization", "Bearer "+token(t, mock))
	req.Header.Set("Content-Type", "text/plain")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if s, _ := mock.Secret(sinchmock.SenderID, "p1"); resp.StatusCode != http.StatusUnsupportedMediaType || s != "s1" {
		t.Errorf("a PUT of text/plain: HTTP %d, secret %q", resp.StatusCode, s)
	}
}
