package provider

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// clearSinchEnv keeps the developer's own SINCH_* variables out of a test.
func clearSinchEnv(t *testing.T) {
	for _, name := range []string{"SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_API_URL", "SINCH_TOKEN_URL",
		"SINCH_MAX_RETRIES", "SINCH_REQUEST_TIMEOUT"} {
		t.Setenv(name, "")
	}
}

func TestAccProvider_settingsFromEnvironment(t *testing.T) {
	env := newTestEnv(t, map[string]string{"env-project": "old"})
	t.Setenv("SINCH_PROJECT_ID", "env-project")
	t.Setenv("SINCH_KEY_ID", testKeyID)
	t.Setenv("SINCH_KEY_SECRET", testKeySecret)
	t.Setenv("SINCH_API_URL", env.mock.URL)
	t.Setenv("SINCH_TOKEN_URL", env.mock.TokenURL)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.factories,
		Steps: []resource.TestStep{{
			Config: `
provider "sinch" {}

resource "sinch_callback_configuration" "test" {
  hmac_secret = "from-env-settings"
}`,
			Check: env.expectSecretAtSinch("env-project", "from-env-settings"),
		}},
	})
}

// TestAccProvider_configurationErrors runs each kind of bad setting through Terraform, to show the
// message a user sees; TestResolveSettings covers every setting.
func TestAccProvider_configurationErrors(t *testing.T) {
	env := newTestEnv(t, map[string]string{"p": "old"})
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
		"missing key_id": {
			hcl:  fmt.Sprintf(`provider "sinch" { key_secret = %q }`, testKeySecret) + res,
			want: `(?s)Missing Sinch provider setting.*The provider needs key_id: set it in the provider block or in the\s+SINCH_KEY_ID environment variable`,
		},
		"plain http to a remote host": {
			hcl:  `provider "sinch" { api_url = "http://senderid.registrations.api.sinch.com" }` + res,
			want: `(?s)Invalid api_url.*uses plain http: use https`,
		},
		"token_url that is not absolute": {
			hcl:  `provider "sinch" { token_url = "auth.sinch.com/oauth2/token" }` + res,
			want: `(?s)Invalid token_url.*must be an absolute URL`,
		},
		"bad URL in the environment": {
			env:  map[string]string{"SINCH_KEY_ID": testKeyID, "SINCH_KEY_SECRET": testKeySecret, "SINCH_API_URL": "ftp://example.com"},
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
				ProtoV6ProviderFactories: env.factories,
				Steps: []resource.TestStep{{
					Config:      tc.hcl,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
	if got := env.mock.Counts(); got.Token+got.Get+got.Put != 0 {
		t.Errorf("a provider with a bad configuration called the API: %+v", got)
	}
}

func TestAccProvider_badAccessKey(t *testing.T) {
	env := newTestEnv(t, map[string]string{"p": "old"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.factories,
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
}`, env.mock.URL, env.mock.TokenURL, testKeyID),
			ExpectError: regexp.MustCompile(`(?s)Sinch refused the access key.*HTTP 401\s+\(invalid_client\).*Check key_id and\s+key_secret`),
		}},
	})
}

func TestResolveSettings(t *testing.T) {
	full := SinchProviderModel{
		ProjectID: types.StringValue("p"), KeyID: types.StringValue("id"), KeySecret: types.StringValue("key-secret-value"),
		APIURL: types.StringValue("https://api.example"), TokenURL: types.StringValue("https://auth.example/token"),
	}
	with := func(change func(*SinchProviderModel)) SinchProviderModel { m := full; change(&m); return m }

	for name, tc := range map[string]struct {
		config SinchProviderModel
		env    map[string]string
		// wantErrors maps each attribute that must have exactly one error to a text of its message.
		wantErrors  map[string]string
		want        settings
		wantUnknown []string
	}{
		"all from the block": {
			config: full,
			want:   settings{"p", "id", "key-secret-value", "https://api.example", "https://auth.example/token", "4", "30s"},
		},
		"all from the environment, block empty": {
			config: SinchProviderModel{},
			env: map[string]string{"SINCH_PROJECT_ID": "ep", "SINCH_KEY_ID": "eid", "SINCH_KEY_SECRET": "es",
				"SINCH_API_URL": "http://127.0.0.1:8080", "SINCH_TOKEN_URL": "http://localhost:8080/t"},
			want: settings{"ep", "eid", "es", "http://127.0.0.1:8080", "http://localhost:8080/t", "4", "30s"},
		},
		"block wins over the environment": {
			config: full,
			env:    map[string]string{"SINCH_PROJECT_ID": "ep", "SINCH_KEY_ID": "eid", "SINCH_API_URL": "https://other.example"},
			want:   settings{"p", "id", "key-secret-value", "https://api.example", "https://auth.example/token", "4", "30s"},
		},
		"defaults for the URLs, no project": {
			config: with(func(m *SinchProviderModel) {
				m.APIURL, m.TokenURL, m.ProjectID = types.StringNull(), types.StringNull(), types.StringNull()
			}),
			want: settings{"", "id", "key-secret-value", "https://senderid.registrations.api.sinch.com", "https://auth.sinch.com/oauth2/token", "4", "30s"},
		},
		"retries and timeout from the block": {
			config: with(func(m *SinchProviderModel) {
				m.MaxRetries, m.RequestTimeout = types.Int64Value(0), types.StringValue("2m")
			}),
			env:  map[string]string{"SINCH_MAX_RETRIES": "7", "SINCH_REQUEST_TIMEOUT": "5s"},
			want: settings{"p", "id", "key-secret-value", "https://api.example", "https://auth.example/token", "0", "2m"},
		},
		"retries and timeout from the environment": {
			config: full,
			env:    map[string]string{"SINCH_MAX_RETRIES": "7", "SINCH_REQUEST_TIMEOUT": "5s"},
			want:   settings{"p", "id", "key-secret-value", "https://api.example", "https://auth.example/token", "7", "5s"},
		},
		"bad retries and timeout in the environment": {
			config: full,
			env:    map[string]string{"SINCH_MAX_RETRIES": "11", "SINCH_REQUEST_TIMEOUT": "30"},
			wantErrors: map[string]string{
				"max_retries":     `The SINCH_MAX_RETRIES environment variable, used for max_retries: "11" is not a number of retries from 0 to 10`,
				"request_timeout": `"30" is not a duration such as "30s"`,
			},
		},
		"both credentials missing, each reported once": {
			config: with(func(m *SinchProviderModel) { m.KeyID, m.KeySecret = types.StringNull(), types.StringNull() }),
			wantErrors: map[string]string{
				"key_id":     "set it in the provider block or in the SINCH_KEY_ID environment variable",
				"key_secret": "set it in the provider block or in the SINCH_KEY_SECRET environment variable",
			},
		},
		"known only after apply: no error, and no fallback to the environment": {
			config: with(func(m *SinchProviderModel) {
				m.KeySecret, m.ProjectID, m.MaxRetries = types.StringUnknown(), types.StringUnknown(), types.Int64Unknown()
			}),
			env:         map[string]string{"SINCH_KEY_SECRET": "es", "SINCH_PROJECT_ID": "ep"},
			want:        settings{"", "id", "", "https://api.example", "https://auth.example/token", "", "30s"},
			wantUnknown: []string{"project_id", "key_secret", "max_retries"},
		},
		"bad values in the environment": {
			config: with(func(m *SinchProviderModel) {
				m.ProjectID, m.APIURL, m.TokenURL = types.StringNull(), types.StringNull(), types.StringNull()
			}),
			env: map[string]string{"SINCH_PROJECT_ID": "a b", "SINCH_API_URL": "https://user:pw@api.example", "SINCH_TOKEN_URL": "http://10.0.0.1/t"},
			wantErrors: map[string]string{
				"project_id": `The SINCH_PROJECT_ID environment variable, used for project_id: "a b" is not a Sinch project ID`,
				"api_url":    "must not carry credentials in the URL",
				"token_url":  "uses plain http",
			},
		},
	} {
		t.Run(name, func(t *testing.T) {
			clearSinchEnv(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			got, unknown, diags := resolveSettings(tc.config)
			if !slices.Equal(unknown, tc.wantUnknown) {
				t.Errorf("unknown settings %v, want %v", unknown, tc.wantUnknown)
			}
			if len(diags) != len(tc.wantErrors) {
				t.Fatalf("got %d diagnostics, want %d: %v", len(diags), len(tc.wantErrors), diags)
			}
			for attribute, text := range tc.wantErrors {
				matches := 0
				for _, d := range diags.Errors() {
					if withPath, ok := d.(interface{ Path() path.Path }); ok && withPath.Path().Equal(path.Root(attribute)) {
						matches++
						if !strings.Contains(d.Detail(), text) {
							t.Errorf("%s: detail %q does not say %q", attribute, d.Detail(), text)
						}
					}
				}
				if matches != 1 {
					t.Errorf("%s: %d errors, want 1", attribute, matches)
				}
			}
			if len(tc.wantErrors) == 0 && got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			for _, d := range diags {
				if strings.Contains(d.Detail(), "pw@") || strings.Contains(d.Detail(), "key-secret-value") {
					t.Errorf("a diagnostic repeats a secret: %q", d.Detail())
				}
			}
		})
	}
}

func TestCheckEndpointURL(t *testing.T) {
	for raw, wantOK := range map[string]bool{
		"https://senderid.registrations.api.sinch.com": true,
		"https://brand.registrations.api.sinch.com/":   true,
		"http://localhost:8080":                        true,
		"http://127.0.0.1:1234/oauth2/token":           true,
		"http://127.5.6.7":                             true,
		"http://[::1]:9000":                            true,
		"http://senderid.registrations.api.sinch.com":  false,
		"http://10.0.0.1":                              false,
		"http://localhost.example.com":                 false,
		"ftp://example.com":                            false,
		"senderid.registrations.api.sinch.com":         false,
		"/v1/projects":                                 false,
		"https://":                                     false,
		"https://user:password@api.example":            false,
		"https://api.example/?q=1":                     false,
		"https://api.example/#x":                       false,
		"::not a url":                                  false,
	} {
		if err := checkEndpointURL(raw); (err == nil) != wantOK {
			t.Errorf("checkEndpointURL(%q) = %v, want ok=%v", raw, err, wantOK)
		}
	}
}
