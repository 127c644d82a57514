package voice_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// What the provider cannot do is said at plan, before anything is written: an application whose secret
// it does not have (resource and data source), a secret Sinch refuses, a key Sinch does not know, and
// URLs Sinch would refuse.
func TestAccVoiceApplicationCallbacks_refusals(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	const handler = "https://handler.example/ice"
	wrongSecret := env.ConfigWith(acctest.VoiceApplications(map[string]string{appKey: otherSecret}), callbacksHCL(appKey, handler, ""))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: env.ConfigWith(acctest.VoiceApplications(map[string]string{otherKey: otherSecret}), callbacksHCL(appKey, handler, "")),
				ExpectError: acctest.ErrorLike("No secret for this Voice application", fmt.Sprintf(`no secret for Voice application %q`, appKey),
					"voice_applications", "SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET", fmt.Sprintf(`The provider has the secrets of %q`, otherKey)),
			},
			{
				Config: env.ConfigWith("", fmt.Sprintf(`data "sinch_voice_application_callbacks" "test" { application_key = %q }`, appKey)),
				ExpectError: acctest.ErrorLike("No secret for this Voice application", "SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET",
					"The provider has the secret of no Voice application"),
			},
			{
				Config: wrongSecret,
				ExpectError: acctest.ErrorLike("Sinch refused the signed request", "HTTP 401 40100", "signature does not match",
					fmt.Sprintf(`signed with application key %q and the secret from voice_applications[%q] in the provider block`, appKey, appKey),
					"this machine's clock"),
			},
			{
				Config: env.ConfigWith(acctest.VoiceApplications(map[string]string{unknownKey: appSecret}), callbacksHCL(unknownKey, handler, "")),
				ExpectError: acctest.ErrorLike("Voice application not known to Sinch", "HTTP 401 40004",
					fmt.Sprintf(`it does not know the application key %q`, unknownKey), "Check application_key"),
			},
			{
				Config:      config(env, callbacksHCL(appKey, "ftp://handler.example/ice", "")),
				ExpectError: acctest.ErrorLike("Invalid primary_url", `"ftp://handler.example/ice" is not an absolute https URL`),
			},
			{
				Config: config(env, callbacksHCL(appKey, handler, "")+`resource "sinch_voice_application_callbacks" "empty" {
  application_key = "`+otherKey+`"
  primary_url     = "https://handler.example/ice"
  fallback_url    = ""
}`),
				ExpectError: acctest.ErrorLike("Invalid fallback_url", "is empty", "leave fallback_url out for no fallback"),
			},
			{
				Config:      config(env, callbacksHCL("my app", handler, "")),
				ExpectError: acctest.ErrorLike("Invalid application_key", `"my app" is not a Voice application key`),
			},
		},
	})
	if c := env.Mock.CountsOf(sinchmock.Voice); c.Post != 0 {
		t.Errorf("a refused plan wrote: %+v", c)
	}
	if err := expectAppURLs(env, dashboardURLs); err != nil {
		t.Error(err)
	}
}

// SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET give the provider one application, and a refused
// secret from them says so.
func TestAccVoiceApplicationCallbacks_applicationFromTheEnvironment(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	t.Setenv("SINCH_APPLICATION_KEY", appKey)
	t.Setenv("SINCH_APPLICATION_SECRET", appSecret)
	urls := sinchmock.VoiceURLs{Primary: "https://handler.example/from-the-environment"}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: env.ConfigWith("", callbacksHCL(appKey, urls.Primary, "")),
				Check:  func(*terraform.State) error { return expectAppURLs(env, urls) },
			},
			{
				PreConfig: func() { t.Setenv("SINCH_APPLICATION_SECRET", otherSecret) },
				Config:    env.ConfigWith("", callbacksHCL(appKey, urls.Primary, "")),
				ExpectError: acctest.ErrorLike("Sinch refused the signed request",
					fmt.Sprintf(`signed with application key %q and the secret from SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET`, appKey)),
			},
			{
				// The block's secret wins over the environment's.
				Config: config(env, callbacksHCL(appKey, urls.Primary, "")),
			},
		},
	})
	if n := env.Mock.Counts().Token; n != 0 {
		t.Errorf("%d requests for an access token, want none", n)
	}
}

// URLs that Sinch refuses fail the apply with Sinch's words, and the state keeps the URLs Sinch has.
func TestAccVoiceApplicationCallbacks_refusedUpdateKeepsTheState(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	first := config(env, callbacksHCL(appKey, "https://handler.example/ice", ""))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: first},
			{
				PreConfig: func() {
					env.Mock.Script(sinchmock.Voice, http.MethodPost, sinchmock.VoiceCallbacksPath+appKey, sinchmock.Fault{Status: http.StatusBadRequest,
						Body: `{"errorCode":40001,"message":"Invalid parameters: url.primary is not reachable","reference":"ref-1","status":"400 ParameterValidation"}`})
				},
				Config: config(env, callbacksHCL(appKey, "https://unreachable.example/ice", "")),
				ExpectError: acctest.ErrorLike("Sinch rejected the callback URLs", fmt.Sprintf(`Sinch refused the callback URLs of Voice application %q`, appKey),
					"HTTP 400 40001: Invalid parameters: url.primary is not reachable", "reference of the error, for its support: ref-1"),
			},
			{Config: first, PlanOnly: true},
		},
	})
	if err := expectAppURLs(env, sinchmock.VoiceURLs{Primary: "https://handler.example/ice"}); err != nil {
		t.Error(err)
	}
}

// A destroy sends nothing, so it needs no secret: an application taken out of voice_applications with
// its resource is destroyed without an error, and its URLs stay at Sinch.
func TestAccVoiceApplicationCallbacks_destroyWithoutTheSecret(t *testing.T) {
	env := voiceEnv(t, sinchmock.Options{})
	urls := sinchmock.VoiceURLs{Primary: "https://handler.example/ice"}
	withoutApp := env.ConfigWith(acctest.VoiceApplications(map[string]string{otherKey: otherSecret}), "")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config(env, callbacksHCL(appKey, urls.Primary, ""))},
			{
				Config:      env.ConfigWith(acctest.VoiceApplications(map[string]string{otherKey: otherSecret}), callbacksHCL(appKey, urls.Primary, "")),
				ExpectError: acctest.ErrorLike("No secret for this Voice application"),
			},
			{
				Config: withoutApp,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testCallbacks, plancheck.ResourceActionDestroy)}},
			},
		},
	})
	if err := expectAppURLs(env, urls); err != nil {
		t.Error(err)
	}
}
