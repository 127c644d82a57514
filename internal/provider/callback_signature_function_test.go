package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The vectors were computed apart from this code, with Python's hmac module; the first is the
// example of Sinch's documentation of the X-Sinch-Signature header.
var signatureVectors = []struct{ secret, body, want string }{
	{"d1c7ccbf-919d-462f-8587-dec95a1b11ee", `{"eventId":"e1","status":"SUCCEEDED"}`, "924e2e4f82585a0899a7f0531ce9003e12e20295"},
	{"key", "", "f42bb0eeb018ebbd4597ae7213711ec60760843f"},
	{"sécret-ключ", `{"emoji":"🚀"}`, "4e038371d41de8bd5a29ffa87ab4bd374e1cc4f0"},
	{"s", "The quick brown fox jumps over the lazy dog", "0aede1640d0b69ba4e22034fbae77d297a344489"},
}

func TestCallbackSignature(t *testing.T) {
	for _, v := range signatureVectors {
		if got := callbackSignature(v.secret, v.body); got != v.want {
			t.Errorf("callbackSignature(%q, %q) = %s, want %s", v.secret, v.body, got, v.want)
		}
	}
}

var functionVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

func TestAccCallbackSignatureFunction(t *testing.T) {
	env := newTestEnv(t, nil)
	v := signatureVectors[0]
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: env.factories,
		Steps: []resource.TestStep{{
			Config: env.config("", `
output "signature" {
  value = provider::sinch::callback_signature("`+v.secret+`", jsonencode({ eventId = "e1", status = "SUCCEEDED" }))
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("signature", knownvalue.StringExact(v.want)),
			},
		}},
	})
	if c := env.mock.Counts(); c.Token+c.Get+c.Put != 0 {
		t.Errorf("the function called the API: %+v", c)
	}
}

func TestAccCallbackSignatureFunction_emptySecret(t *testing.T) {
	env := newTestEnv(t, nil)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: env.factories,
		Steps: []resource.TestStep{{
			Config:      env.config("", `output "signature" { value = provider::sinch::callback_signature("", "{}") }`),
			ExpectError: regexp.MustCompile(`secret must not be empty`),
		}},
	})
}
