package webhooks

import (
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// WebhookSignatureVectors are x-sinch-webhook-signature's test vectors, exported for the acceptance
// tests of webhooks_test. They were computed apart from this code, with Python's hmac module, and the
// first also with Node.js's crypto, as Sinch's Node SDK signs (HMAC-SHA256 of
// "<body>.<nonce>.<timestamp>", base64). The last body is not in Unicode NFC (e and U+0301), which only
// Go can pass unchanged.
var WebhookSignatureVectors = []struct{ Secret, Body, Nonce, Timestamp, Want string }{
	{"d1c7ccbf-919d-462f-8587-dec95a1b11ee", `{"app_id":"01E","message":{"text":"hello"}}`, "01FJA8B4A7BM43YGWSG9GBV067", "1634579353",
		"oVHkfBkfV8mQkLgX+i9djTHcDDJTqjBIIivfqZp7nho="},
	{"wh-secret-5e0c7d4b9a1f2e3c", `{"message":{"contact_message":{"text_message":{"text":"Grüße, 世界 👋"}}}}`, "nonce-ü", "1700000000",
		"BgVUSNa26CWsRQhMR8I1X0d35rW0AkvlmyXybyrxDTM="},
	{"ключ-секрет", "{\"text\":\"e\u0301\"}", "n", "1", "po87ubgEE3GfDT4vXkCl8Z0vP/gzPgPtG3wmP0mGSNI="},
}

func TestConversationWebhookSignature(t *testing.T) {
	for _, v := range WebhookSignatureVectors {
		if got := shared.WebhookSignature(v.Secret, []byte(v.Body), v.Nonce, v.Timestamp); got != v.Want {
			t.Errorf("WebhookSignature(%q, %q, %q, %q) = %s, want %s", v.Secret, v.Body, v.Nonce, v.Timestamp, got, v.Want)
		}
	}
}
