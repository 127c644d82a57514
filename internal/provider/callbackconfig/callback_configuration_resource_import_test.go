package callbackconfig_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// An import by project ID reads the secret, like hmac_secret keeps it; into a write-only configuration,
// the update that follows sends the configured secret and drops it from state, in one apply.
func TestAccCallbackConfiguration_writeOnlyImportByProjectID(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "set-in-the-dashboard"})
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: env.Config("", `
import {
  to = sinch_callback_configuration.test
  id = "project-1"
}`+acctest.WriteOnlyConfig(1)),
			ConfigVariables: acctest.SecretVariable("imported-then-written"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret"), knownvalue.Null()),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateWithout{"imported-then-written", "set-in-the-dashboard"},
				acctest.ExpectStatus(knownvalue.StringExact("applied")),
			},
			Check: env.ExpectSecretAtSinch("project-1", "imported-then-written"),
		}},
	})
}

// An import by "<project ID>:write-only" keeps nothing of the secret but a digest, from the start: the
// plan holds no secret, and when the configured secret is Sinch's, there is nothing to do.
func TestAccCallbackConfiguration_writeOnlyImport(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "set-in-the-dashboard"})
	importBlock := `
import {
  to = sinch_callback_configuration.test
  id = "project-1:write-only"
}`
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				PreConfig:       env.StartCounting,
				Config:          env.Config("", importBlock+acctest.WriteOnlyConfig(0)),
				ConfigVariables: acctest.SecretVariable("set-in-the-dashboard"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("hmac_secret"), knownvalue.Null()),
					acctest.PlanWithout{"set-in-the-dashboard"},
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateWithout{"set-in-the-dashboard"},
					acctest.ExpectStatus(knownvalue.StringExact("applied")),
					statecheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("project_id"), knownvalue.StringExact("project-1")),
				},
				Check: env.ExpectRequests(sinchmock.Counts{Token: 1, Get: 1}),
			},
			{
				// The digest is Sinch's secret: another configured secret is written.
				Config:          env.Config("", acctest.WriteOnlyConfig(0)),
				ConfigVariables: acctest.SecretVariable("written-after-import"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
				}},
				Check: env.ExpectSecretAtSinch("project-1", "written-after-import"),
			},
			{
				// The terraform import command, with the same ID form.
				Config:             env.Config("", acctest.WriteOnlyConfig(0)),
				ConfigVariables:    acctest.SecretVariable("written-after-import"),
				ResourceName:       acctest.TestResource,
				ImportState:        true,
				ImportStateId:      "project-1:write-only",
				ImportStateCheck:   importedWithoutTheSecret("written-after-import"),
				ImportStatePersist: false,
			},
		},
	})
}

// importedWithoutTheSecret checks an imported state: write-only mode, and no value holds the secret.
func importedWithoutTheSecret(secret string) resource.ImportStateCheckFunc {
	return func(states []*terraform.InstanceState) error {
		if len(states) != 1 {
			return fmt.Errorf("imported %d states, want 1", len(states))
		}
		attributes := states[0].Attributes
		if attributes["hmac_secret_wo_status"] != "applied" || attributes["hmac_secret"] != "" || attributes["project_id"] != "project-1" {
			return fmt.Errorf("imported %v", attributes)
		}
		for name, value := range attributes {
			if strings.Contains(value, secret) {
				return fmt.Errorf("the imported %s holds the secret", name)
			}
		}
		return nil
	}
}
