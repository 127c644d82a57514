package voice_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// signatureVectors were computed apart from this code, with Python's hmac, hashlib and base64:
// base64(hmac.new(base64.b64decode(secret), "\n".join([method, content_md5, content_type,
// "x-timestamp:" + timestamp, path]).encode(), hashlib.sha256).digest()), where content_md5 is
// base64(md5(body)), "" for no body ("RaYLuT1j0jWYbkrmG6Iq9A==" for the POST's).
var signatureVectors = []struct{ method, contentType, path, body, want string }{
	{"GET", "", sinchmock.VoiceCallbacksPath + appKey, "", "2QPY98kQqDFRVB+Wo5TDyNQ1Ry4stH4DH9PKl/O4+I4="},
	{"POST", "application/json; charset=utf-8", sinchmock.VoiceCallbacksPath + appKey,
		`{"url":{"primary":"https://handler.example/ice","fallback":"https://fallback.example/ice"}}`,
		"kaql/KLbgG+qLbrQ9Q3lUiP7eB3+D9xGVaGOUq3M++Y="},
}

const vectorTime = "2026-01-02T03:04:05Z"

// The function through Terraform: the vectors, and a secret that is not base64, which is an error of the
// function's first argument.
func TestAccVoiceCallbackSignatureFunction(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	var hcl string
	var checks []statecheck.StateCheck
	for i, v := range signatureVectors {
		hcl += fmt.Sprintf(`
output "signature_%d" {
  value = provider::sinch::voice_callback_signature(%q, %q, %q, %q, %q, %q)
}
`, i, appSecret, v.method, v.contentType, vectorTime, v.path, v.body)
		checks = append(checks, statecheck.ExpectKnownOutputValue(fmt.Sprintf("signature_%d", i), knownvalue.StringExact(v.want)))
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.FunctionVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: env.Config("", hcl), ConfigStateChecks: checks},
			{
				Config: env.Config("", `output "s" {
  value = provider::sinch::voice_callback_signature("not base64!", "POST", "", "`+vectorTime+`", "/", "")
}`),
				ExpectError: acctest.ErrorLike("application_secret is not base64, as Sinch's dashboard gives it"),
			},
		},
	})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("the function made %d requests", n)
	}
}

// A secret that is not base64 is refused without being shown, where it comes from a sensitive variable
// (a literal is shown by Terraform as the configuration's own text).
func TestVoiceCallbackSignatureFunction_badSecretNotShown(t *testing.T) {
	mock := voiceEnv(t, sinchmock.Options{}).Mock
	r := acctest.NewCLIRun(t, mock)
	const bad = "not-base64-but-secret!"
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), requiredProviders+secretVariable(false)+`
output "signature" {
  value     = provider::sinch::voice_callback_signature(var.application_secret, "POST", "application/json", "`+vectorTime+`", "/sinch/voice", "{}")
  sensitive = true
}
`)
	out := r.Run(false, []string{"TF_VAR_application_secret=" + bad}, "plan", "-input=false")
	acctest.ExpectSays(t, out, "application_secret is not base64")
	if strings.Contains(out, bad) || strings.Contains(r.Log(), bad) {
		t.Errorf("the output or the TRACE log shows the secret:\n%s", out)
	}
}
