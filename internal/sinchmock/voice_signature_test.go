package sinchmock_test

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The Voice application of the tests; its secret is base64, as Sinch's are, with a + in it.
const (
	voiceKey    = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
	voiceSecret = "JcmhLNmZlECkyBBTE+uVVw=="
	vectorTime  = "2026-01-02T03:04:05Z"
)

// voiceSignature signs as the Voice API's "signed request" says, written apart from the mock's verifier
// so that a mistake in one does not hide in the other: StringToSign = VERB, Content-MD5, Content-Type,
// "x-timestamp:" + timestamp and the path, one a line; the signature is Base64(HMAC-SHA256(the decoded
// secret, StringToSign)).
func voiceSignature(t *testing.T, secret, method string, body []byte, contentType, timestamp, path string) string {
	t.Helper()
	contentMD5 := ""
	if len(body) > 0 {
		sum := md5.Sum(body)
		contentMD5 = base64.StdEncoding.EncodeToString(sum[:])
	}
	key, err := base64.StdEncoding.DecodeString(secret)
	if err != nil {
		t.Fatal(err)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(strings.Join([]string{method, contentMD5, contentType, "x-timestamp:" + timestamp, path}, "\n")))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// sign signs req, whose body is body, for the application key with secret at timestamp.
func sign(t *testing.T, req *http.Request, body []byte, key, secret, timestamp string) {
	t.Helper()
	req.Header.Set("x-timestamp", timestamp)
	signature := voiceSignature(t, secret, req.Method, body, req.Header.Get("Content-Type"), timestamp, req.URL.Path)
	req.Header.Set("Authorization", "Application "+key+":"+signature)
}

// The signing scheme pinned by something outside Go: these signatures were computed with Python's
// hmac, hashlib and base64 (see the comment of each), and the mock takes the requests they sign.
func TestVoiceSignature_pythonVectors(t *testing.T) {
	path := sinchmock.VoiceCallbacksPath + voiceKey
	postBody := `{"url":{"primary":"https://handler.example/ice","fallback":"https://fallback.example/ice"}}`
	for _, vector := range []struct {
		method, body, contentType, contentMD5, signature string
	}{
		// base64.b64encode(hmac.new(base64.b64decode("JcmhLNmZlECkyBBTE+uVVw=="),
		//   b"GET\n\n\nx-timestamp:2026-01-02T03:04:05Z\n/v1/configuration/callbacks/applications/5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a",
		//   hashlib.sha256).digest())
		{"GET", "", "", "", "2QPY98kQqDFRVB+Wo5TDyNQ1Ry4stH4DH9PKl/O4+I4="},
		// Content-MD5 = base64.b64encode(hashlib.md5(body).digest()); StringToSign
		//   "POST\nRaYLuT1j0jWYbkrmG6Iq9A==\napplication/json; charset=utf-8\nx-timestamp:2026-01-02T03:04:05Z\n" + path
		{"POST", postBody, "application/json; charset=utf-8", "RaYLuT1j0jWYbkrmG6Iq9A==", "kaql/KLbgG+qLbrQ9Q3lUiP7eB3+D9xGVaGOUq3M++Y="},
	} {
		if got := voiceSignature(t, voiceSecret, vector.method, []byte(vector.body), vector.contentType, vectorTime, path); got != vector.signature {
			t.Errorf("%s: the tests' signer gives %s, Python %s", vector.method, got, vector.signature)
		}
		// The mock, at the vector's time, takes exactly the vector's headers.
		mock := startVoice(t, sinchmock.Options{Now: newClock(mustTime(t, vectorTime)).Now})
		req, _ := http.NewRequest(vector.method, mock.URLOf(sinchmock.Voice)+path, strings.NewReader(vector.body))
		req.Header.Set("x-timestamp", vectorTime)
		if vector.contentType != "" {
			req.Header.Set("Content-Type", vector.contentType)
			req.Header.Set("Content-MD5", vector.contentMD5)
		}
		req.Header.Set("Authorization", "Application "+voiceKey+":"+vector.signature)
		if code, body := do(t, req); code != http.StatusOK {
			t.Errorf("%s with the Python vector: HTTP %d %s", vector.method, code, body)
		}
		if requests := mock.Requests(); len(requests) != 1 || !requests[0].Signed {
			t.Errorf("%s with the Python vector: recorded %+v, want one signed request", vector.method, requests)
		}
	}
}

func mustTime(t *testing.T, text string) time.Time {
	t.Helper()
	parsed, err := time.Parse(time.RFC3339, text)
	if err != nil {
		t.Fatal(err)
	}
	return parsed
}
