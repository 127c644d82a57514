package webhooks_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
)

// A Provisioning webhook's identity is {project_id, webhook_id, write_only}. An import by identity
// cannot read the secret, which Sinch never answers: its plan is the update that writes the configured
// one, and nothing else. An import by "<webhook ID>", with the provider's project, reads the rest as it
// stands.
func TestAccIdentity_provisioningWebhook(t *testing.T) {
	env := webhookEnv(t)
	config := env.Config("project-1", provisioningHCL("https://onboarding.example/events", []string{"ALL"},
		`secret = "onboarding-secret-0123456789"`))
	var id string
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.IdentityVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentityValueMatchesStateAtPath(testProvisioning, tfjsonpath.New("webhook_id"), tfjsonpath.New("id")),
					statecheck.ExpectIdentityValue(testProvisioning, tfjsonpath.New("project_id"), knownvalue.StringExact("project-1")),
					statecheck.ExpectIdentityValue(testProvisioning, tfjsonpath.New("write_only"), knownvalue.Bool(false)),
				},
				Check: func(s *terraform.State) error {
					id = s.RootModule().Resources[testProvisioning].Primary.ID
					return nil
				},
			},
			{
				Config: config, ResourceName: testProvisioning, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testProvisioning, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testProvisioning, tfjsonpath.New("target"), knownvalue.StringExact("https://onboarding.example/events")),
				}},
			},
			{
				Config: config, ResourceName: testProvisioning, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc:       func(*terraform.State) (string, error) { return id, nil },
				ImportStateVerifyIgnore: []string{"secret"},
			},
		},
	})
}
