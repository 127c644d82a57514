package callbackconfig_test

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func TestAccCallbackConfigurationEphemeral(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"default-project": "default-secret", "other-project": "other-secret"})
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: acctest.WithEcho(env),
		Steps: []resource.TestStep{{
			Config: env.Config("default-project", `
ephemeral "sinch_callback_configuration" "default" {}

provider "echo" {
  data = ephemeral.sinch_callback_configuration.default
}

resource "echo" "test" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data").AtMapKey("hmac_secret"), knownvalue.StringExact("default-secret")),
				statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data").AtMapKey("project_id"), knownvalue.StringExact("default-project")),
			},
		}},
	})
}

// An ephemeral secret feeds a write-only one: project-2 gets project-1's secret, and no state holds it.
func TestAccCallbackConfigurationEphemeral_intoWriteOnly(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "shared-secret-4711", "project-2": "old"})
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: env.Config("", `
ephemeral "sinch_callback_configuration" "source" {
  project_id = "project-1"
}

resource "sinch_callback_configuration" "test" {
  project_id     = "project-2"
  hmac_secret_wo = ephemeral.sinch_callback_configuration.source.hmac_secret
}`),
			ConfigStateChecks: []statecheck.StateCheck{acctest.StateWithout{"shared-secret-4711"}},
			Check:             env.ExpectSecretAtSinch("project-2", "shared-secret-4711"),
		}},
	})
}

func TestAccCallbackConfigurationEphemeral_unknownProject(t *testing.T) {
	env := acctest.NewTestEnv(t, nil)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: acctest.WithEcho(env),
		Steps: []resource.TestStep{{
			Config: env.Config("", `
ephemeral "sinch_callback_configuration" "test" {
  project_id = "no-such-project"
}
provider "echo" {
  data = ephemeral.sinch_callback_configuration.test
}
resource "echo" "test" {}`),
			ExpectError: regexp.MustCompile(`Sinch says project "no-such-project" does not exist`),
		}},
	})
}

// The ephemeral resource reads a project without a secret as null, and takes only Sinch's own 404 for
// a missing project.
func TestAccCallbackConfigurationEphemeral_answersThatAreNotASecret(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"no-secret-project": "", "project-1": "s"})
	echo := func(project string) string {
		return env.Config("", `
ephemeral "sinch_callback_configuration" "test" {
  project_id = "`+project+`"
}
provider "echo" {
  data = ephemeral.sinch_callback_configuration.test
}
resource "echo" "test" {}`)
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: acctest.WithEcho(env),
		Steps: []resource.TestStep{
			{
				Config: echo("no-secret-project"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data").AtMapKey("hmac_secret"), knownvalue.Null()),
				},
			},
			{
				PreConfig: func() {
					env.Mock.Script(sinchmock.SenderID, http.MethodGet, acctest.CallbackConfigurationPath, sinchmock.NotSinch(404))
				},
				Config:      echo("project-1"),
				ExpectError: acctest.ErrorLike("Not an answer of Sinch's API", "answered HTTP 404", "Check api_url"),
			},
		},
	})
}
