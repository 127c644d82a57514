package callbackconfig_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
)

func TestAccCallbackConfigurationDataSource(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"default-project": "default-secret", "other-project": "other-secret"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: env.Config("default-project", `
data "sinch_callback_configuration" "default" {}

data "sinch_callback_configuration" "other" {
  project_id = "other-project"
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.sinch_callback_configuration.default", tfjsonpath.New("project_id"), knownvalue.StringExact("default-project")),
				statecheck.ExpectKnownValue("data.sinch_callback_configuration.default", tfjsonpath.New("id"), knownvalue.StringExact("default-project")),
				statecheck.ExpectKnownValue("data.sinch_callback_configuration.default", tfjsonpath.New("hmac_secret"), knownvalue.StringExact("default-secret")),
				statecheck.ExpectSensitiveValue("data.sinch_callback_configuration.default", tfjsonpath.New("hmac_secret")),
				statecheck.ExpectKnownValue("data.sinch_callback_configuration.other", tfjsonpath.New("hmac_secret"), knownvalue.StringExact("other-secret")),
			},
		}},
	})
}

func TestAccCallbackConfigurationDataSource_unknownProject(t *testing.T) {
	env := acctest.NewTestEnv(t, nil)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config:      env.Config("", `data "sinch_callback_configuration" "test" { project_id = "no-such-project" }`),
			ExpectError: regexp.MustCompile(`Sinch says project "no-such-project" does not exist`),
		}},
	})
}
