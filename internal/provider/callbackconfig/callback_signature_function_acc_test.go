package callbackconfig_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/callbackconfig"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func TestAccCallbackSignatureFunction(t *testing.T) {
	env := acctest.NewTestEnv(t, nil)
	v := callbackconfig.SignatureVectors[0]
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.FunctionVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: env.Config("", `
output "signature" {
  value = provider::sinch::callback_signature("`+v.Secret+`", jsonencode({ eventId = "e1", status = "SUCCEEDED" }))
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("signature", knownvalue.StringExact(v.Want)),
			},
		}},
	})
	if c := env.Mock.Counts(); c.Token+c.Get+c.Put != 0 {
		t.Errorf("the function called the API: %+v", c)
	}
}

func TestAccCallbackSignatureFunction_emptySecret(t *testing.T) {
	env := acctest.NewTestEnv(t, nil)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.FunctionVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config:      env.Config("", `output "signature" { value = provider::sinch::callback_signature("", "{}") }`),
			ExpectError: regexp.MustCompile(`secret must not be empty`),
		}},
	})
}

// A body that is not in Unicode NFC: Terraform turns the string into NFC, so only its base64 form
// signs the bytes Sinch sent. The vectors were computed apart, with Python's hmac module.
func TestAccCallbackSignatureBase64Function(t *testing.T) {
	env := acctest.NewTestEnv(t, nil)
	const secret = "d1c7ccbf-919d-462f-8587-dec95a1b11ee"
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.FunctionVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: env.Config("", `
locals {
  secret = "`+secret+`"
  # {"name":"café"} with the é decomposed (NFD): e and U+0301
  nfd_body_base64 = "eyJuYW1lIjoiY2FmZcyBIn0="
}

output "bytes_signed" {
  value = provider::sinch::callback_signature_base64(local.secret, local.nfd_body_base64)
}

output "string_signed" {
  value = provider::sinch::callback_signature(local.secret, base64decode(local.nfd_body_base64))
}

output "not_utf8" {
  value = provider::sinch::callback_signature_base64(local.secret, "/wB7")
}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("bytes_signed", knownvalue.StringExact("487aef8be485587e8016f25b5dbaf9bbb9b9d95c")),
					// The same body as a string became NFC on the way: its signature is the NFC form's.
					statecheck.ExpectKnownOutputValue("string_signed", knownvalue.StringExact("0c49e9d62fe3a093ebe947cbb4d0861f372648eb")),
					statecheck.ExpectKnownOutputValue("not_utf8", knownvalue.StringExact("39693325699aefb922ddd3bfb6248b41aa638cb1")),
				},
			},
			{
				Config:      env.Config("", `output "x" { value = provider::sinch::callback_signature_base64("k", "not base64!") }`),
				ExpectError: regexp.MustCompile(`body_base64 is not base64`),
			},
			{
				Config:      env.Config("", `output "x" { value = provider::sinch::callback_signature_base64("", "e30=") }`),
				ExpectError: regexp.MustCompile(`secret must not be empty`),
			},
		},
	})
}

// TestSignatureOfAnEphemeralSecret pins what the function pages say of an ephemeral secret: the result is
// ephemeral, nonsensitive() does not let it into a root output, and a provisioner's command takes it (here
// it writes the signature to a file, where the test reads it; Terraform hides the command's output).
func TestSignatureOfAnEphemeralSecret(t *testing.T) {
	const secret = "d1c7ccbf-919d-462f-8587-dec95a1b11ee"
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": secret}})
	defer mock.Close()
	r := acctest.NewCLIRun(t, mock)
	env := []string{"SINCH_KEY_SECRET=" + acctest.TestKeySecret, "TF_VAR_secret=unused"}
	ephemeralSecret := acctest.CLIProviderBlock + `
ephemeral "sinch_callback_configuration" "current" {
  project_id = "project-1"
}

locals {
  signature = provider::sinch::callback_signature(ephemeral.sinch_callback_configuration.current.hmac_secret, "{\"eventId\":\"e1\",\"status\":\"SUCCEEDED\"}")
}
`
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), ephemeralSecret+`
output "signature" {
  value = nonsensitive(local.signature)
}
`)
	out := r.Run(false, env, "plan", "-input=false")
	// Terraform says "Ephemeral value not allowed"; OpenTofu "Output does not allow ephemeral value".
	if prose := acctest.Prose(out); !strings.Contains(prose, "Ephemeral value not allowed") && !strings.Contains(prose, "does not allow ephemeral value") {
		t.Errorf("a root output took the signature of an ephemeral secret:\n%s", out)
	}
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), ephemeralSecret+`
resource "terraform_data" "smoke_test" {
  provisioner "local-exec" {
    command = "echo ${local.signature} > signature.txt"
  }
}
`)
	out = r.Run(true, env, "apply", "-auto-approve", "-input=false")
	if got := strings.TrimSpace(acctest.ReadPage(t, filepath.Join(r.Dir, "signature.txt"))); got != "924e2e4f82585a0899a7f0531ce9003e12e20295" {
		t.Errorf("the provisioner's command got %q", got)
	}
	if strings.Contains(out, "924e2e4f") {
		t.Errorf("the CLI printed the signature of an ephemeral secret:\n%s", out)
	}
}
