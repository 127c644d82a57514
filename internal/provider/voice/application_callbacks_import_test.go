package voice_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// importBlock imports the test's resource by an ID.
func importBlock(id string) string {
	return fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", testCallbacks, id)
}

// An import by the application key keeps the URLs the application has: the plan after it shows no
// change, and nothing is written. A key that Sinch does not know, and an ID that is no key, are errors.
func TestAccVoiceApplicationCallbacks_import(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	same := config(env, callbacksHCL(appKey, dashboardURLs.Primary, dashboardURLs.Fallback))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: importBlock(appKey) + same,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testCallbacks, plancheck.ResourceActionNoop)}},
				Check: func(*terraform.State) error {
					if c := env.Mock.CountsOf(sinchmock.Voice); c.Post != 0 {
						return fmt.Errorf("the import wrote: %+v", c)
					}
					return expectAppURLs(env, dashboardURLs)
				},
			},
			{ResourceName: testCallbacks, ImportState: true, ImportStateId: appKey, ImportStateVerify: true, Config: same},
			{
				ResourceName: testCallbacks, ImportState: true, ImportStateId: "not a key", Config: same,
				ExpectError: acctest.ErrorLike("Invalid import ID", `"not a key" is not a Voice application key`),
			},
			{
				Config: env.ConfigWith(acctest.VoiceApplications(map[string]string{appKey: appSecret, unknownKey: otherSecret}),
					fmt.Sprintf(`
import {
  to = sinch_voice_application_callbacks.unknown
  id = %q
}

resource "sinch_voice_application_callbacks" "unknown" {
  application_key = %q
  primary_url     = "https://handler.example/ice"
}
`, unknownKey, unknownKey)),
				ExpectError: acctest.ErrorLike("Nothing to import", fmt.Sprintf(`Sinch says Voice application %q does not exist`, unknownKey),
					"HTTP 401 40004", "Sinch dashboard (Voice, Apps)"),
			},
		},
	})
	expectEverySigned(t, env.Mock)
}

// The identity is the application key; an import by identity plans no change.
func TestAccIdentity_voiceApplicationCallbacks(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	hcl := config(env, callbacksHCL(appKey, "https://handler.example/ice", ""))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.IdentityVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: hcl, ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(testCallbacks, map[string]knownvalue.Check{"application_key": knownvalue.StringExact(appKey)})}},
			{Config: hcl, ResourceName: testCallbacks, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: hcl, ResourceName: testCallbacks, ImportState: true, ImportStateKind: resource.ImportCommandWithID},
		},
	})
	expectEverySigned(t, env.Mock)
}

// An application deleted in the dashboard leaves the state at the next refresh, with a warning, rather
// than fail every plan (its destroy included); the plan then proposes to set its URLs again.
func TestAccVoiceApplicationCallbacks_applicationDeleted(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	hcl := config(env, callbacksHCL(appKey, "https://handler.example/ice", ""))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: hcl},
			{
				PreConfig:          func() { env.Mock.RemoveVoiceApp(appKey) },
				Config:             hcl,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ExpectError:        acctest.ErrorLike("Voice application not known to Sinch", fmt.Sprintf(`does not know the application key %q`, appKey)),
			},
		},
	})
}
