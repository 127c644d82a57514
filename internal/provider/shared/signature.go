package shared

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // Sinch signs these callbacks with HMAC-SHA1; the signature must match it.
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// The two ways Sinch signs a callback, written once: the functions that compute a signature for a
// configuration and the actions that send a test callback both sign with these.

// CallbackSignature is the X-Sinch-Signature of a callback of the APIs with a callback configuration:
// the lowercase hex of HMAC-SHA1(key = the secret's UTF-8 bytes, message = the raw body).
func CallbackSignature(secret string, body []byte) string {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// WebhookSignature is the x-sinch-webhook-signature of a Conversation API webhook's callback: base64 of
// HMAC-SHA256(key = the secret, message = body "." nonce "." timestamp), as Sinch's SDKs compute it
// (computeSignedData, calculateWebhookSignature).
func WebhookSignature(secret string, body []byte, nonce, timestamp string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	mac.Write([]byte("." + nonce + "." + timestamp))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
