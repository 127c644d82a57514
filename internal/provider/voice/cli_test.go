package voice_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// requiredProviders names the provider of the dev override, in a configuration for the CLI.
const requiredProviders = `
terraform {
  required_providers {
    sinch = { source = "terraform-sinch/sinch" }
  }
}
`

// secretVariable declares the sensitive variable application_secret, ephemeral or not. Terraform writes
// the values of variables that are not ephemeral, sensitive ones included, into a saved plan.
func secretVariable(ephemeral bool) string {
	return fmt.Sprintf(`
variable "application_secret" {
  type      = string
  sensitive = true
  ephemeral = %t
}
`, ephemeral)
}

// cliConfig is a configuration for the CLI: the provider with the secret of app from the ephemeral
// variable application_secret, and hcl.
func cliConfig(hcl string) string {
	return requiredProviders + secretVariable(true) + fmt.Sprintf(`
provider "sinch" {
  voice_applications = {
    %q = var.application_secret
  }
}
`, appKey) + hcl
}

// The CLI's plan: a create warns of the URLs it replaces and names the import; an http URL warns; a
// second resource for the same application warns; a destroy warns that the URLs stay, and sends nothing.
func TestVoiceApplicationCallbacksWarnings(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	r := acctest.NewCLIRun(t, env.Mock)
	vars := []string{"TF_VAR_application_secret=" + appSecret}
	twice := callbacksHCL(appKey, "http://handler.example/ice", "") + fmt.Sprintf(`
resource "sinch_voice_application_callbacks" "again" {
  application_key = %q
  primary_url     = "https://handler.example/ice"
}
`, appKey)
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), cliConfig(twice))
	out := r.Run(true, vars, "plan", "-input=false")
	acctest.ExpectSays(t, out, "Warning: The apply replaces the application's callback URLs",
		fmt.Sprintf(`Voice application %q sends its call events to primary "%s" and fallback "%s" now, and this create replaces those URLs`,
			appKey, dashboardURLs.Primary, dashboardURLs.Fallback),
		fmt.Sprintf(`an import block with id = %q (or terraform import sinch_voice_application_callbacks.<name> %s)`, appKey, appKey),
		"Warning: Callbacks in clear text", "primary_url is an http:// URL",
		"Warning: Another resource sets this application's callback URLs")

	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), cliConfig(callbacksHCL(appKey, "https://handler.example/ice", "")))
	r.Run(true, vars, "apply", "-input=false", "-auto-approve")
	before := env.Mock.CountsOf(sinchmock.Voice)
	out = r.Run(true, vars, "plan", "-input=false", "-destroy")
	acctest.ExpectSays(t, out, "Warning: Callback URLs stay at Sinch",
		fmt.Sprintf(`destroying those of Voice application %q only makes Terraform stop managing them`, appKey),
		`Sinch keeps sending the application's call events to primary "https://handler.example/ice" (no fallback)`)
	out = r.Run(true, vars, "destroy", "-input=false", "-auto-approve")
	if strings.Count(out, "Warning: Callback URLs stay at Sinch") != 1 || strings.Contains(out, "similar warning") {
		t.Errorf("want the destroy's warning once:\n%s", out)
	}
	if c := env.Mock.CountsOf(sinchmock.Voice).Sub(before); c.Post+c.Put+c.Delete+c.Patch != 0 {
		t.Errorf("the destroy wrote: %+v", c)
	}
	if err := expectAppURLs(env, sinchmock.VoiceURLs{Primary: "https://handler.example/ice"}); err != nil {
		t.Error(err)
	}
	expectEverySigned(t, env.Mock)
}

// No application secret reaches a plan file, the state, the CLI's output or the TRACE log: from the
// provider block, from SINCH_APPLICATION_SECRET, nor a wrong one that Sinch refuses (whose message says
// which application and where its secret came from).
func TestVoiceSecretsStayOut(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	r := acctest.NewCLIRun(t, env.Mock)
	const wrong = "d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA=="
	acctest.WriteFile(t, filepath.Join(r.Dir, "main.tf"), cliConfig(callbacksHCL(appKey, "https://handler.example/ice", "")+fmt.Sprintf(`
resource "sinch_voice_application_callbacks" "other" {
  application_key = %q
  primary_url     = "https://handler.example/other"
}

data "sinch_voice_application_callbacks" "other" {
  application_key = %q
  depends_on      = [sinch_voice_application_callbacks.other]
}
`, otherKey, otherKey)))
	vars := []string{"TF_VAR_application_secret=" + appSecret, "SINCH_APPLICATION_KEY=" + otherKey, "SINCH_APPLICATION_SECRET=" + otherSecret}
	r.Run(true, vars, "plan", "-input=false", "-out=create.tfplan")
	r.Run(true, vars, "apply", "-input=false", "create.tfplan")
	r.Run(true, vars, "plan", "-input=false", "-detailed-exitcode")
	wrongVars := []string{"TF_VAR_application_secret=" + wrong, "SINCH_APPLICATION_KEY=" + otherKey, "SINCH_APPLICATION_SECRET=" + otherSecret}
	out := r.Run(false, wrongVars, "plan", "-input=false")
	acctest.ExpectSays(t, out, "Error: Sinch refused the signed request",
		fmt.Sprintf(`signed with application key %q and the secret from voice_applications[%q] in the provider block`, appKey, appKey))
	if urls, _ := env.Mock.VoiceURLs(otherKey); urls.Primary != "https://handler.example/other" {
		t.Fatalf("the runs did not do what they should: %+v", urls)
	}
	log := r.Log()
	if !strings.Contains(log, "path="+sinchmock.VoiceCallbacksPath+appKey) {
		t.Fatal("the TRACE log lacks the provider's entries: the check proves nothing")
	}
	for _, secret := range []string{appSecret, otherSecret, wrong} {
		if acctest.PlanFileHolds(t, filepath.Join(r.Dir, "create.tfplan"), secret) || r.StateHolds(secret) || strings.Contains(log, secret) {
			t.Errorf("a plan file, the state or the TRACE log holds a secret (%.8s…)", secret)
		}
		for _, out := range r.Outputs {
			if strings.Contains(out, secret) {
				t.Errorf("the CLI printed a secret (%.8s…)", secret)
			}
		}
	}
}
