package testcallback

import (
	"crypto/rand"
	"net/http"
	"strconv"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// Scheme is one way in which Sinch signs callbacks.
type Scheme struct {
	// Header is the header of the signature, as messages name it.
	Header string
	// Computed says, for advice, how a handler computes the signature to compare.
	Computed string
	// sign sets the headers of a callback whose raw body is body, signed with secret.
	sign func(h http.Header, secret string, body []byte)
}

// The headers of a Conversation API webhook's signature.
const (
	WebhookSignatureHeader          = "x-sinch-webhook-signature"
	WebhookSignatureNonceHeader     = "x-sinch-webhook-signature-nonce"
	WebhookSignatureTimestampHeader = "x-sinch-webhook-signature-timestamp"
	WebhookSignatureAlgorithmHeader = "x-sinch-webhook-signature-algorithm"
	// CallbackSignatureHeader is the header of the callbacks of the APIs with a callback configuration.
	CallbackSignatureHeader = "X-Sinch-Signature"
)

// CallbackSignatureScheme signs the callbacks of the APIs with a callback configuration.
var CallbackSignatureScheme = Scheme{
	Header:   CallbackSignatureHeader,
	Computed: "the lowercase hex HMAC-SHA1 of the raw body, keyed with the secret",
	sign: func(h http.Header, secret string, body []byte) {
		h.Set(CallbackSignatureHeader, shared.CallbackSignature(secret, body))
	},
}

// WebhookSignatureScheme signs the callbacks of a Conversation API webhook: a fresh nonce and the
// current time in seconds, as Sinch sends them.
var WebhookSignatureScheme = Scheme{
	Header:   WebhookSignatureHeader,
	Computed: "the base64 HMAC-SHA256 of `<raw body>.<nonce>.<timestamp>` (the nonce and timestamp headers), keyed with the secret",
	sign: func(h http.Header, secret string, body []byte) {
		nonce, timestamp := rand.Text(), strconv.FormatInt(time.Now().Unix(), 10)
		h.Set(WebhookSignatureNonceHeader, nonce)
		h.Set(WebhookSignatureTimestampHeader, timestamp)
		h.Set(WebhookSignatureAlgorithmHeader, "HmacSHA256")
		h.Set(WebhookSignatureHeader, shared.WebhookSignature(secret, body, nonce, timestamp))
	},
}
