package sinchmock

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// DefaultVoiceTimestampWindow is how far a signed request's x-timestamp may be from the mock's clock,
// either way, unless Options.VoiceTimestampWindow says otherwise. Sinch publishes no window; this is
// the common one of signed-request schemes, wide enough for a client's clock drift.
const DefaultVoiceTimestampWindow = 15 * time.Minute

// voiceRefusal is why a Voice API request is refused, as the API says it.
type voiceRefusal struct {
	code, errorCode int
	message         string
}

// verifySignature checks a Voice API request signed as the Voice API's "signed request" says, from what
// was received (the body's bytes, the headers as sent), and returns the application that signed it. It
// checks everything on every request, as Sinch does: the scheme, the key, the timestamp and its age,
// Content-MD5 when sent, and the signature.
func (s *Server) verifySignature(r *http.Request, body []byte) (applicationKey string, refused *voiceRefusal) {
	unauthorized := func(format string, args ...any) (string, *voiceRefusal) {
		return "", &voiceRefusal{http.StatusUnauthorized, 40100, fmt.Sprintf(format, args...)}
	}
	authorization := r.Header.Get("Authorization")
	scheme, credentials, _ := strings.Cut(authorization, " ")
	switch {
	case authorization == "":
		return unauthorized("Unauthorized: the request is not signed (no Authorization header); sign it with the application's key and secret: Authorization: Application <key>:<signature>.")
	case scheme != "Application":
		// Sinch also takes HTTP Basic with the application secret; the mock refuses it, as it does an
		// OAuth2 token, so that a test proves the secret never went over the wire.
		return unauthorized("Unauthorized: Authorization: %s is not a signed request; expected Authorization: Application <key>:<signature>.", scheme)
	}
	key, signature, ok := strings.Cut(credentials, ":")
	if !ok || key == "" || signature == "" {
		return unauthorized("Unauthorized: the Authorization header must be Application <key>:<signature>.")
	}
	s.mu.Lock()
	app, known := s.voiceApps[key]
	var secret []byte
	if known {
		secret = app.key
	}
	s.mu.Unlock()
	if !known {
		return "", &voiceRefusal{http.StatusUnauthorized, 40004, "Bad request: Application key is invalid"}
	}
	timestamp := r.Header.Get("x-timestamp")
	if timestamp == "" {
		return unauthorized("Unauthorized: the x-timestamp header is missing; a signed request names its time, in ISO-8601 UTC.")
	}
	signedAt, err := time.Parse(time.RFC3339Nano, timestamp)
	if err != nil {
		return unauthorized("Unauthorized: x-timestamp %q is not an ISO-8601 time such as 2026-01-02T03:04:05Z.", timestamp)
	}
	contentMD5 := bodyMD5(body)
	if sent, ok := r.Header["Content-Md5"]; ok && (len(sent) != 1 || sent[0] != contentMD5) {
		return unauthorized("Unauthorized: Content-MD5 does not match the body received.")
	}
	expected := voiceSignature(secret, r.Method, contentMD5, r.Header.Get("Content-Type"), timestamp, r.URL.Path)
	if !hmac.Equal([]byte(signature), []byte(expected)) {
		return unauthorized("Unauthorized: the signature does not match the request.")
	}
	window := s.opts.VoiceTimestampWindow
	if window == 0 {
		window = DefaultVoiceTimestampWindow
	}
	if age := s.now().Sub(signedAt); age > window || age < -window {
		return unauthorized("Unauthorized: x-timestamp %s is more than %s away from the server's time.", timestamp, window)
	}
	return key, nil
}

// voiceSignature is a signed request's signature: Base64(HMAC-SHA256(the decoded secret, StringToSign)).
func voiceSignature(secret []byte, method, contentMD5, contentType, timestamp, path string) string {
	stringToSign := method + "\n" + contentMD5 + "\n" + contentType + "\n" + "x-timestamp:" + timestamp + "\n" + path
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// bodyMD5 is a body's Content-MD5, "" for no body.
func bodyMD5(body []byte) string {
	if len(body) == 0 {
		return ""
	}
	sum := md5.Sum(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}
