package callbackconfig

import (
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// SignatureVectors are X-Sinch-Signature's test vectors, exported for the acceptance tests of
// callbackconfig_test. They were computed apart from this code, with Python's hmac module; the first is
// the example of Sinch's documentation of the X-Sinch-Signature header.
var SignatureVectors = []struct{ Secret, Body, Want string }{
	{"d1c7ccbf-919d-462f-8587-dec95a1b11ee", `{"eventId":"e1","status":"SUCCEEDED"}`, "924e2e4f82585a0899a7f0531ce9003e12e20295"},
	{"key", "", "f42bb0eeb018ebbd4597ae7213711ec60760843f"},
	{"sécret-ключ", `{"emoji":"🚀"}`, "4e038371d41de8bd5a29ffa87ab4bd374e1cc4f0"},
	{"s", "The quick brown fox jumps over the lazy dog", "0aede1640d0b69ba4e22034fbae77d297a344489"},
}

func TestCallbackSignature(t *testing.T) {
	for _, v := range SignatureVectors {
		if got := shared.CallbackSignature(v.Secret, []byte(v.Body)); got != v.Want {
			t.Errorf("CallbackSignature(%q, %q) = %s, want %s", v.Secret, v.Body, got, v.Want)
		}
	}
}
