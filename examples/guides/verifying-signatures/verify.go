// Verifying X-Sinch-Signature in a Go handler: HMAC-SHA1 of the raw body, lowercase hex, compared in
// constant time. `go run verify.go` signs the guide's example and passes it through the handler.
package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // Sinch signs callbacks with HMAC-SHA1.
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
)

// signature is the X-Sinch-Signature of body under secret.
func signature(secret string, body []byte) string {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// handler reads the raw body, checks its signature in constant time, and only then parses it.
func handler(secret string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil || !hmac.Equal([]byte(signature(secret, body)), []byte(r.Header.Get("X-Sinch-Signature"))) {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		// json.Unmarshal(body, &event), and handle the event.
		w.WriteHeader(http.StatusOK)
	}
}

func main() {
	secret, body := "d1c7ccbf-919d-462f-8587-dec95a1b11ee", []byte(`{"eventId":"e1","status":"SUCCEEDED"}`)
	req := httptest.NewRequest(http.MethodPost, "/callbacks", bytes.NewReader(body))
	req.Header.Set("X-Sinch-Signature", signature(secret, body))
	answer := httptest.NewRecorder()
	handler(secret)(answer, req)
	fmt.Println(signature(secret, body), answer.Code == http.StatusOK)
}
