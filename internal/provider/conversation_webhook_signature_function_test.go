package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// The vectors were computed apart from this code, with Python's hmac module, and the first also with
// Node.js's crypto, as Sinch's Node SDK signs (HMAC-SHA256 of "<body>.<nonce>.<timestamp>", base64).
// The last body is not in Unicode NFC (e and U+0301), which only Go can pass unchanged.
var webhookSignatureVectors = []struct{ secret, body, nonce, timestamp, want string }{
	{"d1c7ccbf-919d-462f-8587-dec95a1b11ee", `{"app_id":"01E","message":{"text":"hello"}}`, "01FJA8B4A7BM43YGWSG9GBV067", "1634579353",
		"oVHkfBkfV8mQkLgX+i9djTHcDDJTqjBIIivfqZp7nho="},
	{"wh-secret-5e0c7d4b9a1f2e3c", `{"message":{"contact_message":{"text_message":{"text":"Grüße, 世界 👋"}}}}`, "nonce-ü", "1700000000",
		"BgVUSNa26CWsRQhMR8I1X0d35rW0AkvlmyXybyrxDTM="},
	{"ключ-секрет", "{\"text\":\"e\u0301\"}", "n", "1", "po87ubgEE3GfDT4vXkCl8Z0vP/gzPgPtG3wmP0mGSNI="},
}

func TestConversationWebhookSignature(t *testing.T) {
	for _, v := range webhookSignatureVectors {
		if got := conversationWebhookSignature(v.secret, []byte(v.body), v.nonce, v.timestamp); got != v.want {
			t.Errorf("conversationWebhookSignature(%q, %q, %q, %q) = %s, want %s", v.secret, v.body, v.nonce, v.timestamp, got, v.want)
		}
	}
}

func TestAccConversationWebhookSignatureFunction(t *testing.T) {
	env := newTestEnv(t, nil)
	var hcl string
	var checks []statecheck.StateCheck
	for i, v := range webhookSignatureVectors[:2] {
		hcl += fmt.Sprintf(`
output "signature_%d" {
  value = provider::sinch::conversation_webhook_signature(%q, %q, %q, %q)
}`, i, v.secret, v.body, v.nonce, v.timestamp)
		checks = append(checks, statecheck.ExpectKnownOutputValue(fmt.Sprintf("signature_%d", i), knownvalue.StringExact(v.want)))
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: env.factories,
		Steps: []resource.TestStep{
			{Config: env.config("", hcl), ConfigStateChecks: checks},
			{
				Config:      env.config("", `output "s" { value = provider::sinch::conversation_webhook_signature("", "{}", "n", "1") }`),
				ExpectError: regexp.MustCompile(`secret must not be empty`),
			},
		},
	})
	if n := len(env.mock.Requests()); n != 0 {
		t.Errorf("the function made %d requests", n)
	}
}
