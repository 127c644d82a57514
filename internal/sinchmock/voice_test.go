package sinchmock_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// A second application, to show that one application's key reaches only its own URLs.
const (
	otherVoiceKey    = "0f1e2d3c-4b5a-4968-8776-655443322110"
	otherVoiceSecret = "b3RoZXItYXBwbGljYXRpb24tc2VjcmV0"
)

// startVoice starts a mock whose Voice applications are voiceKey (with a primary URL only) and
// otherVoiceKey, with the changes opts makes to the usual options.
func startVoice(t *testing.T, opts sinchmock.Options) *sinchmock.Running {
	t.Helper()
	opts.KeyID, opts.KeySecret = "kid", "ksecret"
	opts.VoiceApps = map[string]sinchmock.VoiceApp{
		voiceKey:      {Secret: voiceSecret, URLs: sinchmock.VoiceURLs{Primary: "https://initial.example/ice"}},
		otherVoiceKey: {Secret: otherVoiceSecret, URLs: sinchmock.VoiceURLs{Primary: "https://other.example/ice", Fallback: "https://other.example/fallback"}},
	}
	mock := sinchmock.Start(opts)
	t.Cleanup(mock.Close)
	return mock
}

// voiceRequest is a request of an application's callback URLs, not signed yet; a POST's body is JSON.
func voiceRequest(mock *sinchmock.Running, method, applicationKey, body string) *http.Request {
	req, _ := http.NewRequest(method, mock.URLOf(sinchmock.Voice)+sinchmock.VoiceCallbacksPath+applicationKey, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

// signedCall makes a request signed by voiceKey now, and returns the status and the raw answer.
func signedCall(t *testing.T, mock *sinchmock.Running, method, body string) (int, string) {
	t.Helper()
	req := voiceRequest(mock, method, voiceKey, body)
	sign(t, req, []byte(body), voiceKey, voiceSecret, time.Now().UTC().Format(time.RFC3339))
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

// voiceError decodes the Voice API's error body, failing the test unless it has that shape.
func voiceError(t *testing.T, body string) (errorCode int, message string) {
	t.Helper()
	var answer struct {
		Status    string `json:"status"`
		ErrorCode int    `json:"errorCode"`
		Message   string `json:"message"`
		Reference string `json:"reference"`
	}
	if err := json.Unmarshal([]byte(body), &answer); err != nil || answer.Message == "" || answer.Reference == "" || answer.Status == "" {
		t.Fatalf("not the Voice API's error body: %s", body)
	}
	return answer.ErrorCode, answer.Message
}

func TestVoice_getAndPost(t *testing.T) {
	mock := startVoice(t, sinchmock.Options{})
	code, body := signedCall(t, mock, http.MethodGet, "")
	if code != 200 || body != `{"url":{"primary":"https://initial.example/ice"}}`+"\n" {
		t.Fatalf("GET: HTTP %d %s (fallback only when set)", code, body)
	}
	code, body = signedCall(t, mock, http.MethodPost, `{"url":{"primary":"https://new.example/ice","fallback":"https://new.example/fallback"}}`)
	if code != 200 || body != "" {
		t.Errorf("POST: HTTP %d %q, want 2xx with an empty body", code, body)
	}
	want := sinchmock.VoiceURLs{Primary: "https://new.example/ice", Fallback: "https://new.example/fallback"}
	if urls, _ := mock.VoiceURLs(voiceKey); urls != want {
		t.Errorf("after POST: %+v", urls)
	}
	if code, body = signedCall(t, mock, http.MethodGet, ""); !strings.Contains(body, `"fallback":"https://new.example/fallback"`) {
		t.Errorf("GET after POST: HTTP %d %s", code, body)
	}
	if urls, _ := mock.VoiceURLs(otherVoiceKey); urls.Primary != "https://other.example/ice" {
		t.Errorf("another application's URLs changed: %+v", urls)
	}

	// Set as in the dashboard, read through the API.
	if !mock.SetVoiceURLs(voiceKey, sinchmock.VoiceURLs{Primary: "https://dashboard.example/ice"}) || mock.SetVoiceURLs("nope", sinchmock.VoiceURLs{}) {
		t.Error("SetVoiceURLs: wrong answer of whether the application exists")
	}
	if _, body = signedCall(t, mock, http.MethodGet, ""); body != `{"url":{"primary":"https://dashboard.example/ice"}}`+"\n" {
		t.Errorf("GET after the dashboard: %s", body)
	}
	// An application with no URL set has an empty "url".
	mock.SetVoiceURLs(voiceKey, sinchmock.VoiceURLs{})
	if _, body = signedCall(t, mock, http.MethodGet, ""); body != `{"url":{}}`+"\n" {
		t.Errorf("GET with no URL set: %s", body)
	}
	for _, r := range mock.Requests() {
		if r.API != sinchmock.Voice || !r.Signed || r.Token != "" {
			t.Errorf("recorded %+v, want a signed Voice API request", r)
		}
	}
	if c := mock.CountsOf(sinchmock.Voice); c != (sinchmock.Counts{Get: 4, Post: 1}) {
		t.Errorf("counts %+v", c)
	}
}

// What a POST without fallback does is not documented: by default it clears it, and
// VoiceKeepOmittedFallback keeps it; "fallback": "" clears it either way.
func TestVoice_omittedFallback(t *testing.T) {
	for _, tc := range []struct {
		keep             bool
		body             string
		want, wantAnswer string
	}{
		{false, `{"url":{"primary":"https://p.example/"}}`, "", `{"url":{"primary":"https://p.example/"}}`},
		{true, `{"url":{"primary":"https://p.example/"}}`, "https://f.example/", `{"url":{"primary":"https://p.example/","fallback":"https://f.example/"}}`},
		{true, `{"url":{"primary":"https://p.example/","fallback":""}}`, "", `{"url":{"primary":"https://p.example/"}}`},
		{true, `{"url":{"primary":"https://p.example/","fallback":null}}`, "https://f.example/", `{"url":{"primary":"https://p.example/","fallback":"https://f.example/"}}`},
	} {
		mock := startVoice(t, sinchmock.Options{VoiceKeepOmittedFallback: tc.keep})
		mock.SetVoiceURLs(voiceKey, sinchmock.VoiceURLs{Primary: "https://old.example/", Fallback: "https://f.example/"})
		if code, body := signedCall(t, mock, http.MethodPost, tc.body); code != 200 {
			t.Fatalf("POST %s: HTTP %d %s", tc.body, code, body)
		}
		if urls, _ := mock.VoiceURLs(voiceKey); urls.Fallback != tc.want || urls.Primary != "https://p.example/" {
			t.Errorf("keep %v, POST %s: %+v, want fallback %q", tc.keep, tc.body, urls, tc.want)
		}
		if _, body := signedCall(t, mock, http.MethodGet, ""); body != tc.wantAnswer+"\n" {
			t.Errorf("keep %v, POST %s: GET answers %s", tc.keep, tc.body, body)
		}
	}
}

func TestVoice_validation(t *testing.T) {
	mock := startVoice(t, sinchmock.Options{})
	for _, tc := range []struct {
		body            string
		errorCode       int
		messageContains string
	}{
		{`not json`, 40001, "JSON object"},
		{`{}`, 40002, "url"},
		{`{"url":{}}`, 40002, "url.primary"},
		{`{"url":{"primary":""}}`, 40002, "url.primary"},
		{`{"url":{"fallback":"https://f.example/"}}`, 40002, "url.primary"},
		{`{"url":{"primary":"/relative"}}`, 40001, "url.primary"},
		{`{"url":{"primary":"ftp://p.example/"}}`, 40001, "url.primary"},
		{`{"url":{"primary":"https://p.example/","fallback":"not a url"}}`, 40001, "url.fallback"},
		{`{"url":{"primary":42}}`, 40001, "JSON object"},
	} {
		code, answer := signedCall(t, mock, http.MethodPost, tc.body)
		if code != 400 {
			t.Errorf("%s: HTTP %d %s, want 400", tc.body, code, answer)
			continue
		}
		if errorCode, message := voiceError(t, answer); errorCode != tc.errorCode || !strings.Contains(message, tc.messageContains) {
			t.Errorf("%s: %d %q, want %d about %s", tc.body, errorCode, message, tc.errorCode, tc.messageContains)
		}
	}
	req := voiceRequest(mock, http.MethodPost, voiceKey, `{"url":{"primary":"https://p.example/"}}`)
	req.Header.Set("Content-Type", "text/plain")
	sign(t, req, []byte(`{"url":{"primary":"https://p.example/"}}`), voiceKey, voiceSecret, time.Now().UTC().Format(time.RFC3339))
	if code, _ := do(t, req); code != http.StatusUnsupportedMediaType {
		t.Errorf("a signed POST of text/plain: HTTP %d", code)
	}
	if urls, _ := mock.VoiceURLs(voiceKey); urls.Primary != "https://initial.example/ice" {
		t.Errorf("a refused POST changed the URLs to %+v", urls)
	}
	// No create, delete or list.
	for _, method := range []string{http.MethodPut, http.MethodDelete, http.MethodPatch} {
		if code, _ := signedCall(t, mock, method, ""); code != http.StatusMethodNotAllowed {
			t.Errorf("%s: HTTP %d, want 405", method, code)
		}
	}
	req = voiceRequest(mock, http.MethodGet, "", "")
	sign(t, req, nil, voiceKey, voiceSecret, time.Now().UTC().Format(time.RFC3339))
	if code, _ := do(t, req); code != http.StatusNotFound {
		t.Errorf("a list of applications: HTTP %d, want 404", code)
	}
}

// Faults are scripted on the Voice API as on any other, and a request a fault answers is recorded as
// signed or not all the same.
func TestVoice_faults(t *testing.T) {
	mock := startVoice(t, sinchmock.Options{})
	mock.Script(sinchmock.Voice, http.MethodPost, sinchmock.VoiceCallbacksPath+voiceKey, sinchmock.Lost(http.StatusBadGateway))
	if code, _ := signedCall(t, mock, http.MethodPost, `{"url":{"primary":"https://lost.example/"}}`); code != http.StatusBadGateway {
		t.Errorf("a lost answer: HTTP %d", code)
	}
	if urls, _ := mock.VoiceURLs(voiceKey); urls.Primary != "https://lost.example/" {
		t.Errorf("a POST whose answer was lost was not made: %+v", urls)
	}
	if requests := mock.Requests(); len(requests) != 1 || !requests[0].Signed {
		t.Errorf("recorded %+v", requests)
	}
}

// An application deleted in the dashboard is unknown to the Voice API from then on: 40004, for a request
// signed with its key and secret as any other.
func TestVoice_removedApplication(t *testing.T) {
	mock := startVoice(t, sinchmock.Options{})
	if !mock.RemoveVoiceApp(voiceKey) || mock.RemoveVoiceApp(voiceKey) {
		t.Error("RemoveVoiceApp: wrong answer of whether the application existed")
	}
	code, answer := signedCall(t, mock, http.MethodGet, "")
	if errorCode, _ := voiceError(t, answer); code != http.StatusUnauthorized || errorCode != 40004 {
		t.Errorf("GET of a removed application: HTTP %d %s", code, answer)
	}
	if _, ok := mock.VoiceURLs(voiceKey); ok {
		t.Error("a removed application still has URLs")
	}
	if urls, ok := mock.VoiceURLs(otherVoiceKey); !ok || urls.Primary == "" {
		t.Errorf("another application was removed too: %+v", urls)
	}
}
