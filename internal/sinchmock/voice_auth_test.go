package sinchmock_test

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Every request is checked, from what was received: each of these is refused with the Voice API's error
// body, changes nothing and is recorded as not signed.
func TestVoice_refusals(t *testing.T) {
	now := time.Now().UTC()
	stamp := func(d time.Duration) string { return now.Add(d).Format(time.RFC3339) }
	body := `{"url":{"primary":"https://attacker.example/"}}`
	signedPost := func(mock *sinchmock.Running) *http.Request {
		req := voiceRequest(mock, http.MethodPost, voiceKey, body)
		sign(t, req, []byte(body), voiceKey, voiceSecret, stamp(0))
		return req
	}
	// What the message says, where it tells why.
	says := map[string]string{
		"no Authorization":                       "not signed",
		"HTTP Basic with the application secret": "Basic is not a signed request",
		"an OAuth2 bearer token":                 "Bearer is not a signed request",
		"an unknown application key":             "Application key is invalid",
		"an empty signature":                     "must be Application <key>:<signature>",
		"Application without a signature":        "must be Application <key>:<signature>",
		"another secret":                         "signature does not match",
		"a Content-MD5 that is not the body's":   "Content-MD5",
		"no x-timestamp":                         "x-timestamp header is missing",
		"an x-timestamp that is not ISO-8601":    "ISO-8601",
		"signed 16 minutes ago":                  "15m0s away",
		"signed 16 minutes ahead":                "15m0s away",
	}
	for name, tc := range map[string]struct {
		request         func(*sinchmock.Running) *http.Request
		code, errorCode int
	}{
		"no Authorization": {func(m *sinchmock.Running) *http.Request {
			return voiceRequest(m, http.MethodPost, voiceKey, body)
		}, 401, 40100},
		"HTTP Basic with the application secret": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			req.SetBasicAuth(voiceKey, voiceSecret)
			req.Header.Set("x-timestamp", stamp(0))
			return req
		}, 401, 40100},
		"an OAuth2 bearer token": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			req.Header.Set("Authorization", "Bearer "+token(t, m))
			return req
		}, 401, 40100},
		"Application without a signature": {func(m *sinchmock.Running) *http.Request {
			req := signedPost(m)
			req.Header.Set("Authorization", "Application "+voiceKey)
			return req
		}, 401, 40100},
		"an empty signature": {func(m *sinchmock.Running) *http.Request {
			req := signedPost(m)
			req.Header.Set("Authorization", "Application "+voiceKey+":")
			return req
		}, 401, 40100},
		"an unknown application key": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			sign(t, req, []byte(body), "11111111-2222-4333-8444-555555555555", voiceSecret, stamp(0))
			return req
		}, 401, 40004},
		"another secret": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			sign(t, req, []byte(body), voiceKey, otherVoiceSecret, stamp(0))
			return req
		}, 401, 40100},
		"the secret as raw bytes, not decoded": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			sign(t, req, []byte(body), voiceKey, base64.StdEncoding.EncodeToString([]byte(voiceSecret)), stamp(0))
			return req
		}, 401, 40100},
		"a body other than the one signed": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, `{"url":{"primary":"https://other.example/"}}`)
			sign(t, req, []byte(body), voiceKey, voiceSecret, stamp(0))
			return req
		}, 401, 40100},
		"a Content-MD5 that is not the body's": {func(m *sinchmock.Running) *http.Request {
			req := signedPost(m)
			req.Header.Set("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==")
			return req
		}, 401, 40100},
		"a Content-Type other than the one signed": {func(m *sinchmock.Running) *http.Request {
			req := signedPost(m)
			req.Header.Set("Content-Type", "application/json; charset=utf-8")
			return req
		}, 401, 40100},
		"signed as a GET": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			req.Header.Set("x-timestamp", stamp(0))
			req.Header.Set("Authorization", "Application "+voiceKey+":"+
				voiceSignature(t, voiceSecret, http.MethodGet, []byte(body), "application/json", stamp(0), req.URL.Path))
			return req
		}, 401, 40100},
		"signed with the query in the path": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			req.URL.RawQuery = "x=1"
			req.Header.Set("x-timestamp", stamp(0))
			req.Header.Set("Authorization", "Application "+voiceKey+":"+
				voiceSignature(t, voiceSecret, http.MethodPost, []byte(body), "application/json", stamp(0), req.URL.Path+"?x=1"))
			return req
		}, 401, 40100},
		"no x-timestamp": {func(m *sinchmock.Running) *http.Request {
			req := signedPost(m)
			req.Header.Del("x-timestamp")
			return req
		}, 401, 40100},
		"an x-timestamp other than the one signed": {func(m *sinchmock.Running) *http.Request {
			req := signedPost(m)
			req.Header.Set("x-timestamp", stamp(time.Second))
			return req
		}, 401, 40100},
		"an x-timestamp that is not ISO-8601": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			sign(t, req, []byte(body), voiceKey, voiceSecret, now.Format(time.RFC1123))
			return req
		}, 401, 40100},
		"signed 16 minutes ago": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			sign(t, req, []byte(body), voiceKey, voiceSecret, stamp(-16*time.Minute))
			return req
		}, 401, 40100},
		"signed 16 minutes ahead": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			sign(t, req, []byte(body), voiceKey, voiceSecret, stamp(16*time.Minute))
			return req
		}, 401, 40100},
		"signed by another application for this one's URLs": {func(m *sinchmock.Running) *http.Request {
			req := voiceRequest(m, http.MethodPost, voiceKey, body)
			sign(t, req, []byte(body), otherVoiceKey, otherVoiceSecret, stamp(0))
			return req
		}, 403, 40300},
	} {
		mock := startVoice(t, sinchmock.Options{Now: func() time.Time { return now }})
		code, answer := do(t, tc.request(mock))
		if code != tc.code {
			t.Errorf("%s: HTTP %d %s, want %d", name, code, answer, tc.code)
			continue
		}
		if errorCode, message := voiceError(t, answer); errorCode != tc.errorCode || !strings.Contains(message, says[name]) {
			t.Errorf("%s: errorCode %d %q, want %d saying %q", name, errorCode, message, tc.errorCode, says[name])
		}
		if urls, _ := mock.VoiceURLs(voiceKey); urls.Primary != "https://initial.example/ice" {
			t.Errorf("%s: the refused request changed the URLs to %+v", name, urls)
		}
		for _, r := range mock.Requests() {
			if r.API == sinchmock.Voice && r.Signed {
				t.Errorf("%s: recorded as signed", name)
			}
		}
	}
}

// The window is 15 minutes either way unless told otherwise.
func TestVoice_timestampWindow(t *testing.T) {
	now := time.Now().UTC()
	for _, tc := range []struct {
		window, age time.Duration
		want        int
	}{
		{0, 14 * time.Minute, 200},
		{0, -14 * time.Minute, 200},
		{0, 16 * time.Minute, 401},
		{time.Minute, 2 * time.Minute, 401},
		{time.Minute, 30 * time.Second, 200},
		{time.Hour, 59 * time.Minute, 200},
	} {
		mock := startVoice(t, sinchmock.Options{VoiceTimestampWindow: tc.window, Now: func() time.Time { return now }})
		req := voiceRequest(mock, http.MethodGet, voiceKey, "")
		sign(t, req, nil, voiceKey, voiceSecret, now.Add(-tc.age).Format(time.RFC3339Nano))
		if code, body := do(t, req); code != tc.want {
			t.Errorf("window %s, signed %s ago: HTTP %d %s, want %d", tc.window, tc.age, code, body, tc.want)
		}
	}
}
