// Verifying x-sinch-webhook-signature in a Go handler of Conversation API callbacks: base64 HMAC-SHA256
// of "<raw body>.<nonce>.<timestamp>", compared in constant time, and a timestamp no older than five
// minutes, so that a captured callback cannot be replayed. `go run verify.go` signs the guide's example
// and checks it at two times: just after it was sent, and an hour later.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// maxAge is how old a callback may be; older ones are refused as replays.
const maxAge = 5 * time.Minute

// signature is the x-sinch-webhook-signature of a callback.
func signature(secret string, body []byte, nonce, timestamp string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	mac.Write([]byte("." + nonce + "." + timestamp))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// validCallback tells whether a callback (its raw body and headers) was signed with secret, and is
// recent at now. Handle the callback only when it is.
func validCallback(secret string, body []byte, header http.Header, now time.Time) bool {
	nonce := header.Get("x-sinch-webhook-signature-nonce")
	timestamp := header.Get("x-sinch-webhook-signature-timestamp")
	seconds, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil || now.Sub(time.Unix(seconds, 0)).Abs() > maxAge {
		return false
	}
	return hmac.Equal([]byte(signature(secret, body, nonce, timestamp)), []byte(header.Get("x-sinch-webhook-signature")))
}

func main() {
	secret, body := "d1c7ccbf-919d-462f-8587-dec95a1b11ee", []byte(`{"app_id":"01E","message":{"text":"hello"}}`)
	nonce, timestamp := "01FJA8B4A7BM43YGWSG9GBV067", "1634579353"
	header := http.Header{}
	header.Set("x-sinch-webhook-signature", signature(secret, body, nonce, timestamp))
	header.Set("x-sinch-webhook-signature-nonce", nonce)
	header.Set("x-sinch-webhook-signature-timestamp", timestamp)
	sent := time.Unix(1634579353, 0)
	fmt.Println(signature(secret, body, nonce, timestamp),
		validCallback(secret, body, header, sent.Add(30*time.Second)), validCallback(secret, body, header, sent.Add(time.Hour)))
}
