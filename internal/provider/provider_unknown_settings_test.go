package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
)

// unknownSettingsConfig is a provider whose access key ID and default project come from resources of
// the same run, so that they are known only after apply; keyTrigger replaces the key's resource.
func unknownSettingsConfig(e *acctest.TestEnv, keyTrigger int, hcl string) string {
	return fmt.Sprintf(`
resource "terraform_data" "key" {
  input            = %q
  triggers_replace = %d
}

resource "terraform_data" "project" {
  input = "project-from-provider"
}

provider "sinch" {
  api_url    = %q
  token_url  = %q
  key_id     = terraform_data.key.output
  key_secret = %q
  project_id = terraform_data.project.output
}
`, acctest.TestKeyID, keyTrigger, e.Mock.URL, e.Mock.TokenURL, acctest.TestKeySecret) + hcl
}

const twoResources = `
resource "sinch_callback_configuration" "named" {
  project_id  = "project-named"
  hmac_secret = "named-secret"
}

resource "sinch_callback_configuration" "from_provider" {
  hmac_secret = "provider-project-secret"
}`

// Settings known only after apply do not stop a plan that makes no call: the first apply of such a
// configuration plans and applies in one run.
func TestAccProvider_settingsKnownOnlyAfterApply(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-named": "old", "project-from-provider": "old"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: unknownSettingsConfig(env, 1, twoResources),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("sinch_callback_configuration.named", plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue("sinch_callback_configuration.named", tfjsonpath.New("project_id"), knownvalue.StringExact("project-named")),
					plancheck.ExpectUnknownValue("sinch_callback_configuration.from_provider", tfjsonpath.New("project_id")),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectSecretAtSinch("project-named", "named-secret"),
					env.ExpectSecretAtSinch("project-from-provider", "provider-project-secret"),
					resource.TestCheckResourceAttr("sinch_callback_configuration.from_provider", "project_id", "project-from-provider"),
				),
			},
			{
				// A refresh must call Sinch, and cannot while the key is not known: it says so.
				Config:      unknownSettingsConfig(env, 2, twoResources),
				ExpectError: acctest.ErrorLike("Sinch provider setting not known yet", "The provider's key_id depends on a value that is known only after apply", "set SINCH_KEY_ID instead"),
			},
		},
	})
}

func TestAccProvider_settingsKnownOnlyAfterApplyAndADataSource(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-named": "old"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config:      unknownSettingsConfig(env, 1, `data "sinch_callback_configuration" "read" { project_id = "project-named" }`),
			ExpectError: acctest.ErrorLike("Sinch provider setting not known yet", "The provider's key_id depends on a value that is known only after apply"),
		}},
	})
	if c := env.Mock.Counts(); c.Token+c.Get != 0 {
		t.Errorf("the failed plan called Sinch: %+v", c)
	}
}
