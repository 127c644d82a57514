package voice_test

import (
	"fmt"
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

// The life of an application's URLs: a create is one POST of both (after the plan's read of the URLs it
// replaces); a plan with no change reads and writes nothing else; URLs changed in the dashboard show in
// the plan and are put back; a change is one POST, and leaving fallback_url out clears the fallback;
// destroy sends nothing and leaves the URLs at Sinch. Every request is signed with the application's
// key and secret, and no access token is asked for.
func TestAccVoiceApplicationCallbacks_lifecycle(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	first := sinchmock.VoiceURLs{Primary: "https://handler.example/ice", Fallback: "https://handler.example/fallback"}
	second := sinchmock.VoiceURLs{Primary: "https://handler.example/v2/ice"}
	step := func(urls sinchmock.VoiceURLs, requests sinchmock.Counts) resource.TestStep {
		return resource.TestStep{
			PreConfig: env.StartCounting,
			Config:    config(env, callbacksHCL(appKey, urls.Primary, urls.Fallback)),
			Check: resource.ComposeAggregateTestCheckFunc(env.ExpectRequests(requests),
				func(*terraform.State) error { return expectAppURLs(env, urls) }),
		}
	}
	create := step(first, sinchmock.Counts{Get: 2, Post: 1})
	create.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testCallbacks, plancheck.ResourceActionCreate),
		plancheck.ExpectKnownValue(testCallbacks, tfjsonpath.New("id"), knownvalue.StringExact(appKey)),
	}}
	create.ConfigStateChecks = []statecheck.StateCheck{
		statecheck.ExpectKnownValue(testCallbacks, tfjsonpath.New("primary_url"), knownvalue.StringExact(first.Primary)),
		statecheck.ExpectKnownValue(testCallbacks, tfjsonpath.New("fallback_url"), knownvalue.StringExact(first.Fallback)),
	}
	same := step(first, sinchmock.Counts{Get: 1})
	same.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	drift := step(first, sinchmock.Counts{Get: 1, Post: 1})
	drift.PreConfig = func() {
		env.Mock.SetVoiceURLs(appKey, sinchmock.VoiceURLs{Primary: "https://changed-in-the-dashboard.example/"})
		env.StartCounting()
	}
	drift.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testCallbacks, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(testCallbacks, tfjsonpath.New("primary_url"), knownvalue.StringExact(first.Primary)),
	}}
	change := step(second, sinchmock.Counts{Get: 1, Post: 1})
	change.ConfigStateChecks = []statecheck.StateCheck{
		statecheck.ExpectKnownValue(testCallbacks, tfjsonpath.New("fallback_url"), knownvalue.Null()),
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps:                    []resource.TestStep{create, same, drift, change},
		CheckDestroy: func(*terraform.State) error {
			return expectAppURLs(env, second)
		},
	})
	expectEverySigned(t, env.Mock)
}

// What a POST without a fallback does is not documented: the provider never leaves it out, and sends an
// empty one for none, so a configuration without fallback_url clears one set in the dashboard whichever
// way Sinch reads an omitted fallback.
func TestAccVoiceApplicationCallbacks_noFallbackClearsIt(t *testing.T) {
	for _, keep := range []bool{false, true} {
		t.Run(fmt.Sprintf("an omitted fallback kept: %v", keep), func(t *testing.T) {
			env := voiceEnv(t, sinchmock.Options{VoiceKeepOmittedFallback: keep})
			urls := sinchmock.VoiceURLs{Primary: "https://handler.example/ice"}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{
					{
						Config: config(env, callbacksHCL(appKey, urls.Primary, "")),
						Check:  func(*terraform.State) error { return expectAppURLs(env, urls) },
					},
					{
						Config:           config(env, callbacksHCL(appKey, urls.Primary, "")),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					},
				},
			})
			expectEverySigned(t, env.Mock)
		})
	}
}

// The data source reads an application's URLs; one that is not set is null.
func TestAccVoiceApplicationCallbacksDataSource(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: config(env, fmt.Sprintf(`
data "sinch_voice_application_callbacks" "app" {
  application_key = %q
}

data "sinch_voice_application_callbacks" "other" {
  application_key = %q
}
`, appKey, otherKey)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.sinch_voice_application_callbacks.app", tfjsonpath.New("id"), knownvalue.StringExact(appKey)),
				statecheck.ExpectKnownValue("data.sinch_voice_application_callbacks.app", tfjsonpath.New("primary_url"), knownvalue.StringExact(dashboardURLs.Primary)),
				statecheck.ExpectKnownValue("data.sinch_voice_application_callbacks.app", tfjsonpath.New("fallback_url"), knownvalue.StringExact(dashboardURLs.Fallback)),
				statecheck.ExpectKnownValue("data.sinch_voice_application_callbacks.other", tfjsonpath.New("primary_url"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.sinch_voice_application_callbacks.other", tfjsonpath.New("fallback_url"), knownvalue.Null()),
				acctest.StateWithout{appSecret, otherSecret},
			},
		}},
	})
	expectEverySigned(t, env.Mock)
}
