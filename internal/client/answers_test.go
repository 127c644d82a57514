package client_test

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The answers a real network, proxy or misconfiguration gives, where the mock by default answers as
// Sinch does.

// capture is a server that counts what reaches it: where a redirect points.
func capture(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"hmacSecret":"` + secret + `","projectId":"p1"}`))
	}))
	t.Cleanup(server.Close)
	return server, &hits
}

func TestClient_redirectsAreNotFollowed(t *testing.T) {
	for _, status := range []int{301, 302, 303, 307, 308} {
		for _, method := range []string{http.MethodGet, http.MethodPut} {
			t.Run(http.StatusText(status)+" to "+method, func(t *testing.T) {
				mock := newMock(t)
				elsewhere, hits := capture(t)
				mock.Script(sinchmock.SenderID, method, path, sinchmock.Redirect(status, elsewhere.URL+path))
				c := newClient(t, mock.URL, mock.TokenURL)
				var err error
				if method == http.MethodGet {
					_, err = c.Get(context.Background(), "p1")
				} else {
					_, err = c.Update(context.Background(), "p1", "never-sent-on")
				}
				var redirect *client.RedirectError
				if !errors.As(err, &redirect) || redirect.HTTPStatus != status || redirect.LocationHost != strings.TrimPrefix(elsewhere.URL, "http://") {
					t.Fatalf("got %v, want a RedirectError naming %d and the host of Location", err, status)
				}
				if n := hits.Load(); n != 0 {
					t.Errorf("%d requests went where the redirect points", n)
				}
				if got := mock.Counts(); got.Get+got.Put != 1 {
					t.Errorf("the API got %+v, want the one request", got)
				}
			})
		}
	}

	t.Run("at the token endpoint", func(t *testing.T) {
		mock := newMock(t)
		elsewhere, hits := capture(t)
		mock.ScriptToken(sinchmock.Redirect(307, elsewhere.URL+"/oauth2/token"))
		_, err := newClient(t, mock.URL, mock.TokenURL).Get(context.Background(), "p1")
		var tokenErr *client.TokenError
		var redirect *client.RedirectError
		if !errors.As(err, &tokenErr) || !errors.As(err, &redirect) || tokenErr.HTTPStatus != 307 ||
			!strings.Contains(err.Error(), "token endpoint") || !strings.Contains(err.Error(), strings.TrimPrefix(elsewhere.URL, "http://")) {
			t.Fatalf("got %v, want a TokenError with the redirect", err)
		}
		if n := hits.Load(); n != 0 {
			t.Errorf("%d requests, the access key with them, went where the redirect points", n)
		}
		if mock.Counts().Get != 0 {
			t.Error("the API was called without a token")
		}
	})

	t.Run("without a Location", func(t *testing.T) {
		mock := newMock(t)
		mock.Script(sinchmock.SenderID, http.MethodGet, path, sinchmock.Fault{Status: 300})
		_, err := newClient(t, mock.URL, mock.TokenURL).Get(context.Background(), "p1")
		var redirect *client.RedirectError
		if !errors.As(err, &redirect) || redirect.LocationHost != "" || !strings.Contains(err.Error(), "without a Location") {
			t.Fatalf("got %v", err)
		}
	})
}

func TestClient_updateIsCheckedAgainstTheAnswer(t *testing.T) {
	const sent = "sent-secret-1"
	for name, tc := range map[string]struct {
		sent      string // empty: sent
		answer    map[string]any
		confirmed bool
	}{
		"the secret sent":            {answer: map[string]any{"projectId": "p1", "hmacSecret": sent}, confirmed: true},
		"no hmacSecret":              {answer: map[string]any{"projectId": "p1"}, confirmed: true},
		"a null hmacSecret":          {answer: map[string]any{"projectId": "p1", "hmacSecret": nil}, confirmed: true},
		"no projectId, right secret": {answer: map[string]any{"hmacSecret": sent}, confirmed: true},
		"another secret":             {answer: map[string]any{"projectId": "p1", "hmacSecret": "other-secret-2"}},
		"an empty secret":            {answer: map[string]any{"projectId": "p1", "hmacSecret": ""}},
		"the secret sent, trimmed":   {sent: " " + sent + "\n", answer: map[string]any{"projectId": "p1", "hmacSecret": sent}},
	} {
		t.Run(name, func(t *testing.T) {
			mock := newMock(t)
			mock.Script(sinchmock.SenderID, http.MethodPut, path, sinchmock.Answer(tc.answer))
			secret := cmp.Or(tc.sent, sent)
			got, err := newClient(t, mock.URL, mock.TokenURL).Update(context.Background(), "p1", secret)
			if tc.confirmed {
				if err != nil || got.HMACSecret != secret || got.ProjectID != "p1" {
					t.Fatalf("got %v, %v; want the secret sent, confirmed", got, err)
				}
				return
			}
			var mismatch *client.MismatchError
			if !errors.As(err, &mismatch) || mismatch.ProjectID != "p1" || got != nil {
				t.Fatalf("got %v, %v; want a MismatchError", got, err)
			}
			for _, s := range []string{sent, "other-secret-2"} {
				if strings.Contains(err.Error(), s) {
					t.Errorf("the error quotes a secret: %v", err)
				}
			}
		})
	}
}

func TestClient_onlySinchsNotFoundMeansNoProject(t *testing.T) {
	for name, tc := range map[string]struct {
		fault    sinchmock.Fault
		notFound bool
	}{
		"Sinch's NOT_FOUND":          {sinchmock.Fault{Status: 404}, true},
		"a web server's page":        {sinchmock.NotSinch(404), false},
		"an empty body":              {sinchmock.Fault{Status: 404, Body: " "}, false},
		"JSON of another API":        {sinchmock.Fault{Status: 404, Body: `{"message":"no route"}`}, false},
		"Sinch's shape, not a 404":   {sinchmock.Fault{Status: 404, Body: `{"error":{"code":404,"status":"UNKNOWN","message":"no"}}`}, false},
		"NOT_FOUND with another 4xx": {sinchmock.Fault{Status: 410, Body: `{"error":{"code":410,"status":"NOT_FOUND"}}`}, false},
	} {
		t.Run(name, func(t *testing.T) {
			mock := newMock(t)
			mock.Script(sinchmock.SenderID, http.MethodGet, path, tc.fault)
			_, err := newClient(t, mock.URL, mock.TokenURL).Get(context.Background(), "p1")
			var apiErr *client.APIError
			if !errors.As(err, &apiErr) || client.IsNotFound(err) != tc.notFound {
				t.Fatalf("got %v; IsNotFound = %v, want %v", err, client.IsNotFound(err), tc.notFound)
			}
			if want := mock.URL + path; apiErr.URL != want {
				t.Errorf("the error names %q, want %q", apiErr.URL, want)
			}
		})
	}
}

func TestClient_noSecretSetIsAnAnswer(t *testing.T) {
	for name, answer := range map[string]map[string]any{
		"no hmacSecret":    {"projectId": "p1"},
		"null hmacSecret":  {"projectId": "p1", "hmacSecret": nil},
		"empty hmacSecret": {"projectId": "p1", "hmacSecret": ""},
		"an empty object":  {},
	} {
		t.Run(name, func(t *testing.T) {
			mock := newMock(t)
			mock.Script(sinchmock.SenderID, http.MethodGet, path, sinchmock.Answer(answer))
			got, err := newClient(t, mock.URL, mock.TokenURL).Get(context.Background(), "p1")
			if err != nil || got.HMACSecret != "" || got.ProjectID != "p1" {
				t.Fatalf("got %v, %v; want project p1 with no secret", got, err)
			}
		})
	}
	t.Run("the mock's project without a secret", func(t *testing.T) {
		mock := newMock(t)
		mock.SetSecret(sinchmock.SenderID, "p1", "")
		got, err := newClient(t, mock.URL, mock.TokenURL).Get(context.Background(), "p1")
		if err != nil || got.HMACSecret != "" {
			t.Fatalf("got %v, %v", got, err)
		}
	})
}

func TestClient_tokenErrorCodeIsKeptClean(t *testing.T) {
	for name, tc := range map[string]struct{ code, want string }{
		"a registered code":          {"invalid_client", "invalid_client"},
		"the key secret as the code": {keySecret, "(redacted)"},
		"the key secret within":      {"bad:" + keySecret, "bad:(redacted)"},
		"every RFC 6749 character":   {" !#[]~", " !#[]~"},
		"not RFC 6749 characters":    {"bad\ncode", ""},
		"one, first":                 {"\tcode", ""},
		"a quote":                    {`bad"code`, ""},
		"a non-ASCII letter":         {"codé", ""},
		"64 characters":              {strings.Repeat("x", 64), strings.Repeat("x", 64)},
		"too long":                   {strings.Repeat("x", 65), ""},
	} {
		t.Run(name, func(t *testing.T) {
			server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(401)
				body, _ := json.Marshal(map[string]string{"error": tc.code})
				_, _ = w.Write(body)
			}))
			defer server.Close()
			_, err := newClient(t, "https://api.example", server.URL).Get(context.Background(), "p1")
			var tokenErr *client.TokenError
			if !errors.As(err, &tokenErr) || tokenErr.Code != tc.want {
				t.Fatalf("got %v with code %q, want the code %q", err, tokenErr.Code, tc.want)
			}
			if strings.Contains(err.Error(), keySecret) {
				t.Errorf("the error holds the key secret: %v", err)
			}
		})
	}
}

// A short secret is hidden where Sinch could quote it, and nowhere else: the error of an update to a
// missing project names the project as it is.
func TestClient_redactionKeepsOtherWords(t *testing.T) {
	mock := newMock(t)
	_, err := newClient(t, mock.URL, mock.TokenURL).Update(context.Background(), "no-such-project", "s")
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.Message != "Project no-such-project not found" ||
		apiErr.Details[0].ResourceName != "no-such-project" || !strings.Contains(err.Error(), "Project no-such-project not found") {
		t.Fatalf("got %v (%+v), want Sinch's message as it is", err, apiErr)
	}
}
