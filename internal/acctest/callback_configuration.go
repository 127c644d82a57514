package acctest

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The callback configuration that tests of several packages write: sinch_callback_configuration.test, of
// the first API of sinchapi.CallbackAPIs (Sender ID Registrations).

// TestResource is the address of the callback configuration of ResourceConfig and WriteOnlyConfig.
const TestResource = "sinch_callback_configuration.test"

// ResourceConfig is TestResource with a plaintext secret, for a project.
func ResourceConfig(projectID, secret string) string {
	return fmt.Sprintf(`
resource "sinch_callback_configuration" "test" {
  project_id  = %q
  hmac_secret = %q
}`, projectID, secret)
}

// ExpectSecretInState checks the hmac_secret of TestResource in state.
func ExpectSecretInState(want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(TestResource, tfjsonpath.New("hmac_secret"), knownvalue.StringExact(want))
}

// WriteOnlyConfig takes the secret from an ephemeral variable, as a careful user would, so that
// neither the plan nor the state can hold it; SecretVariable gives the variable its value. A version of
// 0 leaves hmac_secret_wo_version out.
func WriteOnlyConfig(version float64) string {
	versionLine := ""
	if version != 0 {
		versionLine = fmt.Sprintf("hmac_secret_wo_version = %g", version)
	}
	return fmt.Sprintf(`
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_callback_configuration" "test" {
  project_id     = "project-1"
  hmac_secret_wo = var.secret
  %s
}`, versionLine)
}

// ExpectStatus checks the hmac_secret_wo_status of TestResource in state.
func ExpectStatus(value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(TestResource, tfjsonpath.New("hmac_secret_wo_status"), value)
}

// CallbackConfigurationPath is the path of the callback configuration of project-1 in the API of
// TestResource, which its reads and its writes call.
const CallbackConfigurationPath = "/v1/projects/project-1/callback-configuration"
