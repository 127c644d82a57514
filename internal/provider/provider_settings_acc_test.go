package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// clearSinchEnv keeps the developer's own SINCH_* variables out of a test: the variable of each setting of
// the provider block.
func clearSinchEnv(t *testing.T) {
	var resp fwprovider.SchemaResponse
	provider.New("test")().Schema(context.Background(), fwprovider.SchemaRequest{}, &resp)
	for name := range resp.Schema.Attributes {
		t.Setenv(sinchapi.EnvVarOf(name), "")
	}
}

func TestAccProvider_settingsFromEnvironment(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"env-project": "old"})
	t.Setenv("SINCH_PROJECT_ID", "env-project")
	t.Setenv("SINCH_KEY_ID", acctest.TestKeyID)
	t.Setenv("SINCH_KEY_SECRET", acctest.TestKeySecret)
	t.Setenv("SINCH_API_URL", env.Mock.URL)
	t.Setenv("SINCH_TOKEN_URL", env.Mock.TokenURL)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: `
provider "sinch" {}

resource "sinch_callback_configuration" "test" {
  hmac_secret = "from-env-settings"
}`,
			Check: env.ExpectSecretAtSinch("env-project", "from-env-settings"),
		}},
	})
}

// TestAccProvider_configurationErrors runs each kind of bad setting through Terraform, to show the
// message a user sees; TestResolveSettings covers every setting.
func TestAccProvider_configurationErrors(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"p": "old"})
	const res = `
resource "sinch_callback_configuration" "test" {
  project_id  = "p"
  hmac_secret = "s"
}`
	for name, tc := range map[string]struct {
		env  map[string]string
		hcl  string
		want string
	}{
		// Said by the first call that needs the access token, here the plan's read of the secret that the
		// create replaces; the call is not made (see TestAccProvider_voiceWithoutAnAccessKey).
		"missing key_id": {
			hcl: fmt.Sprintf(`provider "sinch" { key_secret = %q }`, acctest.TestKeySecret) + res,
			want: acctest.ErrorLike("Missing Sinch provider setting", `Could not read the callback configuration of Sinch project "p"`,
				"The provider needs key_id: set it in the provider block or in the SINCH_KEY_ID environment variable").String(),
		},
		"plain http to a remote host": {
			hcl:  `provider "sinch" { api_url = "http://senderid.registrations.api.sinch.com" }` + res,
			want: `(?s)Invalid api_url.*uses plain http: use https`,
		},
		"plain http to a remote host, for the Numbers API": {
			hcl:  `provider "sinch" { numbers_api_url = "http://numbers.api.sinch.com" }` + res,
			want: `(?s)Invalid numbers_api_url.*uses plain http: use https`,
		},
		"token_url that is not absolute": {
			hcl:  `provider "sinch" { token_url = "auth.sinch.com/oauth2/token" }` + res,
			want: `(?s)Invalid token_url.*must be an absolute URL`,
		},
		"bad URL in the environment": {
			env:  map[string]string{"SINCH_KEY_ID": acctest.TestKeyID, "SINCH_KEY_SECRET": acctest.TestKeySecret, "SINCH_API_URL": "ftp://example.com"},
			hcl:  `provider "sinch" {}` + res,
			want: `The SINCH_API_URL environment variable, used for api_url: "ftp://example.com"\s+must use https`,
		},
	} {
		t.Run(name, func(t *testing.T) {
			clearSinchEnv(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{{
					Config:      tc.hcl,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
	if got := env.Mock.Counts(); got.Token+got.Get+got.Put != 0 {
		t.Errorf("a provider with a bad configuration called the API: %+v", got)
	}
}

func TestAccProvider_badAccessKey(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"p": "old"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "sinch" {
  api_url    = %q
  token_url  = %q
  key_id     = %q
  key_secret = "wrong-secret"
}
resource "sinch_callback_configuration" "test" {
  project_id  = "p"
  hmac_secret = "s"
}`, env.Mock.URL, env.Mock.TokenURL, acctest.TestKeyID),
			ExpectError: regexp.MustCompile(`(?s)Sinch refused the access key.*HTTP 401\s+\(invalid_client\).*Check key_id and\s+key_secret`),
		}},
	})
}

// A provider block for Voice applications alone needs no access key: the Voice API's requests are
// signed with each application's key and secret, and no token is asked for. A call that needs the access
// token says what is missing, when it is made: at plan for a refresh, a data source, or the read of what
// a callback configuration's create replaces; at apply for a webhook's create, whose plan makes no call.
func TestAccProvider_voiceWithoutAnAccessKey(t *testing.T) {
	const appKey, appSecret = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a", "JcmhLNmZlECkyBBTE+uVVw=="
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret,
		Projects: map[string]string{"project-1": "old"}, Apps: map[string]string{"app-1": "project-1"},
		VoiceApps: map[string]sinchmock.VoiceApp{appKey: {Secret: appSecret}}})
	t.Cleanup(mock.Close)
	env := acctest.NewTestEnvFor(mock)
	clearSinchEnv(t)
	t.Setenv("SINCH_APPLICATION_KEY", "")
	t.Setenv("SINCH_APPLICATION_SECRET", "")
	voiceOnly := func(hcl string) string {
		return fmt.Sprintf(`
provider "sinch" {
  api_url              = %q
  conversation_api_url = %q
  token_url            = %q
  voice_api_url        = %q
  voice_applications   = { %q = %q }
}

resource "sinch_voice_application_callbacks" "this" {
  application_key = %q
  primary_url     = "https://handler.example/ice"
}

data "sinch_voice_application_callbacks" "this" {
  application_key = %q
  depends_on      = [sinch_voice_application_callbacks.this]
}
`, mock.URL, mock.ConversationURL, mock.TokenURL, mock.URLOf(sinchmock.Voice), appKey, appSecret, appKey, appKey) + hcl
	}
	const webhook = `
resource "sinch_conversation_webhook" "this" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "https://handler.example/callbacks"
  triggers   = ["MESSAGE_DELIVERY"]
  secret     = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
}`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: voiceOnly(""),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.sinch_voice_application_callbacks.this", "primary_url", "https://handler.example/ice"),
					func(*terraform.State) error {
						if urls, _ := mock.VoiceURLs(appKey); urls.Primary != "https://handler.example/ice" {
							return fmt.Errorf("the application has %+v", urls)
						}
						return nil
					}),
			},
			{Config: voiceOnly(""), PlanOnly: true},
			{
				Config: voiceOnly(`data "sinch_callback_configuration" "read" { project_id = "project-1" }`),
				ExpectError: acctest.ErrorLike("Missing Sinch provider setting", `Could not read the callback configuration of Sinch project "project-1"`,
					"The provider needs key_id and key_secret: set them in the provider block or in the SINCH_KEY_ID and SINCH_KEY_SECRET environment variables"),
			},
			{Config: voiceOnly(webhook), PlanOnly: true, ExpectNonEmptyPlan: true},
			{
				Config:      voiceOnly(webhook),
				ExpectError: acctest.ErrorLike("Missing Sinch provider setting", "The provider needs key_id and key_secret"),
			},
		},
	})
	if c := mock.Counts(); c.Token != 0 {
		t.Errorf("%d requests for an access token, want none", c.Token)
	}
	for _, r := range mock.Requests() {
		if r.API != sinchmock.Voice || !r.Signed {
			t.Errorf("%s %s: not a signed request of the Voice API", r.Method, r.Path)
		}
	}
}
