package callbackconfig_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Terraform holds strings in Unicode NFC. A secret changed at Sinch from its NFC form to its NFD form
// (the same text, other bytes, so other signatures) is therefore invisible to hmac_secret, whose value
// Terraform normalizes on the way in; hmac_secret_wo compares bytes through its digest and sees it.
// The resource page says so.
const (
	secretNFC = "caf\u00e9-secret-4c1d8e2a"  // é as one code point
	secretNFD = "cafe\u0301-secret-4c1d8e2a" // e and a combining acute accent
)

func TestAccCallbackConfiguration_unicodeForms(t *testing.T) {
	t.Run("hmac_secret does not see NFD drift", func(t *testing.T) {
		env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
		config := env.Config("", acctest.ResourceConfig("project-1", secretNFC))
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories,
			Steps: []resource.TestStep{
				{Config: config, Check: env.ExpectSecretAtSinch("project-1", secretNFC)},
				{
					PreConfig:        func() { env.Mock.SetSecret(sinchmock.SenderID, "project-1", secretNFD) },
					Config:           config,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
	t.Run("hmac_secret_wo sees it", func(t *testing.T) {
		env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
		config := env.Config("", acctest.WriteOnlyConfig(0))
		resource.UnitTest(t, resource.TestCase{
			TerraformVersionChecks:   acctest.WriteOnlyVersions,
			ProtoV6ProviderFactories: env.Factories,
			Steps: []resource.TestStep{
				{Config: config, ConfigVariables: acctest.SecretVariable(secretNFC), Check: env.ExpectSecretAtSinch("project-1", secretNFC)},
				{
					PreConfig:       func() { env.Mock.SetSecret(sinchmock.SenderID, "project-1", secretNFD) },
					Config:          config,
					ConfigVariables: acctest.SecretVariable(secretNFC),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
					}},
					ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectStatus(knownvalue.StringExact("applied"))},
					Check:             env.ExpectSecretAtSinch("project-1", secretNFC),
				},
			},
		})
	})
}
