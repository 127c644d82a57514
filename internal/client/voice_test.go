package client_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const (
	voiceKey    = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
	voiceSecret = "JcmhLNmZlECkyBBTE+uVVw=="
)

func voiceMock(t *testing.T) *sinchmock.Running {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: keyID, KeySecret: keySecret,
		VoiceApps: map[string]sinchmock.VoiceApp{voiceKey: {Secret: voiceSecret}}})
	t.Cleanup(mock.Close)
	return mock
}

func voiceOf(t *testing.T, mock *sinchmock.Running, secrets map[string]string) *client.VoiceApplications {
	t.Helper()
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret})
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.VoiceApplications(mock.URLOf(sinchmock.Voice), secrets)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A Voice application's callback URLs are read and set with requests signed with its own key and
// secret: the mock checks every signature, and no access token is asked for; the secret never travels.
func TestVoiceApplications_signedRequests(t *testing.T) {
	mock := voiceMock(t)
	v := voiceOf(t, mock, map[string]string{voiceKey: voiceSecret})
	ctx := context.Background()
	urls := client.VoiceCallbackURLs{Primary: "https://handler.example/ice", Fallback: "https://fallback.example/ice"}
	if err := v.SetCallbackURLs(ctx, voiceKey, urls); err != nil {
		t.Fatal(err)
	}
	got, err := v.CallbackURLs(ctx, voiceKey)
	if err != nil || *got != urls {
		t.Fatalf("got %+v, %v", got, err)
	}
	if err := v.SetCallbackURLs(ctx, voiceKey, client.VoiceCallbackURLs{Primary: "https://handler.example/ice"}); err != nil {
		t.Fatal(err)
	}
	if held, _ := mock.VoiceURLs(voiceKey); held.Fallback != "" {
		t.Errorf("a fallback of \"\" left %+v", held)
	}
	for _, r := range mock.Requests() {
		if !r.Signed || strings.Contains(r.Body, voiceSecret) || r.Token != "" {
			t.Errorf("%s %s: signed %v, a token %q", r.Method, r.Path, r.Signed, r.Token)
		}
	}
	if mock.Counts().Token != 0 {
		t.Error("a Voice call asked for an access token")
	}
}

// A client without an access key makes the Voice API's calls, which need none.
func TestVoiceApplications_withoutAnAccessKey(t *testing.T) {
	mock := voiceMock(t)
	c, err := client.New(client.Config{TokenURL: mock.TokenURL})
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.VoiceApplications(mock.URLOf(sinchmock.Voice), map[string]string{voiceKey: voiceSecret})
	if err != nil {
		t.Fatal(err)
	}
	urls := client.VoiceCallbackURLs{Primary: "https://handler.example/ice"}
	if err := v.SetCallbackURLs(context.Background(), voiceKey, urls); err != nil {
		t.Fatal(err)
	}
	if got, err := v.CallbackURLs(context.Background(), voiceKey); err != nil || *got != urls {
		t.Errorf("got %+v, %v", got, err)
	}
}

// A wrong secret is refused by Sinch (401, the Voice API's own error body), redacted of the secret; an
// application with no secret given is an error before any call.
func TestVoiceApplications_refusals(t *testing.T) {
	mock := voiceMock(t)
	wrong := "d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA=="
	_, err := voiceOf(t, mock, map[string]string{voiceKey: wrong}).CallbackURLs(context.Background(), voiceKey)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != http.StatusUnauthorized || apiErr.ErrorCode != "40100" || strings.Contains(err.Error(), wrong) {
		t.Errorf("a wrong secret: %v", err)
	}
	if _, err := voiceOf(t, mock, nil).CallbackURLs(context.Background(), voiceKey); !errors.Is(err, client.ErrNoApplicationSecret) || len(mock.Requests()) != 1 {
		t.Errorf("no secret: %v, after %d requests", err, len(mock.Requests()))
	}
	c, _ := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret})
	for _, bad := range []string{"not base64!", voiceSecret + " ", ""} {
		if _, err := c.VoiceApplications(mock.URLOf(sinchmock.Voice), map[string]string{voiceKey: bad}); err == nil ||
			bad != "" && strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), voiceKey) {
			t.Errorf("a secret that is not base64 (%q): %v", bad, err)
		}
	}
}

// The signature of a signed request, against vectors computed with Python's hmac, hashlib and base64.
func TestVoiceSignature(t *testing.T) {
	path := "/v1/configuration/callbacks/applications/" + voiceKey
	for _, tc := range []struct {
		method, contentType, body, want string
	}{
		{"GET", "", "", "2QPY98kQqDFRVB+Wo5TDyNQ1Ry4stH4DH9PKl/O4+I4="},
		{"POST", "application/json; charset=utf-8", `{"url":{"primary":"https://handler.example/ice","fallback":"https://fallback.example/ice"}}`,
			"kaql/KLbgG+qLbrQ9Q3lUiP7eB3+D9xGVaGOUq3M++Y="},
	} {
		got, err := client.VoiceSignature(voiceSecret, tc.method, tc.contentType, "2026-01-02T03:04:05Z", path, []byte(tc.body))
		if err != nil || got != tc.want {
			t.Errorf("%s: %q, %v; want %q", tc.method, got, err, tc.want)
		}
	}
	if _, err := client.VoiceSignature("not base64!", "GET", "", "t", "/", nil); err == nil {
		t.Error("a secret that is not base64 signed")
	}
}
