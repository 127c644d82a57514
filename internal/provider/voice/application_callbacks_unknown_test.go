package voice_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// An application's secret, or the whole of voice_applications, may come from a resource of the same run
// (or an ephemeral resource) and so be known only after apply. A create needs no call at plan time, so
// the first apply plans and applies in one run; a refresh must call Sinch, and says which setting it
// waits for.
func TestAccVoiceApplicationCallbacks_secretKnownOnlyAfterApply(t *testing.T) {
	urls := sinchmock.VoiceURLs{Primary: "https://handler.example/ice"}
	for name, tc := range map[string]struct {
		setting, input string
		says           []string
	}{
		"one secret": {
			setting: fmt.Sprintf("voice_applications = { %q = terraform_data.secrets.output }", appKey),
			input:   fmt.Sprintf("%q", appSecret),
			says: []string{"Sinch provider setting not known yet", fmt.Sprintf(
				`The secret of Voice application %q in the provider's voice_applications depends on a value that is known only after apply`, appKey),
				"set SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET instead"},
		},
		"the whole map": {
			setting: "voice_applications = terraform_data.secrets.output",
			input:   fmt.Sprintf("{ %q = %q }", appKey, appSecret),
			says: []string{"Sinch provider setting not known yet",
				"The provider's voice_applications depends on a value that is known only after apply",
				"set SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET instead"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			env := voiceEnv(t, sinchmock.Options{})
			hcl := func(trigger int) string {
				return env.ConfigWith(tc.setting, fmt.Sprintf(`
resource "terraform_data" "secrets" {
  input            = %s
  triggers_replace = %d
}
`, tc.input, trigger)+callbacksHCL(appKey, urls.Primary, ""))
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{
					{Config: hcl(1), Check: func(*terraform.State) error { return expectAppURLs(env, urls) }},
					{Config: hcl(2), ExpectError: acctest.ErrorLike(tc.says...)},
				},
			})
			expectEverySigned(t, env.Mock)
		})
	}
}

// The Voice API's calls need no access key, so a key known only after apply does not stop a refresh of an
// application's URLs.
func TestAccVoiceApplicationCallbacks_accessKeyKnownOnlyAfterApply(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	hcl := func(trigger int) string {
		return fmt.Sprintf(`
resource "terraform_data" "key" {
  input            = %q
  triggers_replace = %d
}

provider "sinch" {
  token_url          = %q
  key_id             = terraform_data.key.output
  voice_api_url      = %q
  voice_applications = { %q = %q }
}
`, acctest.TestKeyID, trigger, env.Mock.TokenURL, env.Mock.URLOf(sinchmock.Voice), appKey, appSecret) +
			callbacksHCL(appKey, "https://handler.example/ice", "")
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: hcl(1)},
			{
				PreConfig: func() {
					env.Mock.SetVoiceURLs(appKey, sinchmock.VoiceURLs{Primary: "https://changed-in-the-dashboard.example/"})
				},
				Config: hcl(2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testCallbacks, plancheck.ResourceActionUpdate)}},
				Check: func(*terraform.State) error {
					return expectAppURLs(env, sinchmock.VoiceURLs{Primary: "https://handler.example/ice"})
				},
			},
		},
	})
	expectEverySigned(t, env.Mock)
}
