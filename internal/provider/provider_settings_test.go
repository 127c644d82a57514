package provider

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi/documented"
)

// clearSinchEnv keeps the developer's own SINCH_* variables out of a test.
func clearSinchEnv(t *testing.T) {
	for _, setting := range providerSettings() {
		t.Setenv(envVarOf(setting.name), "")
	}
}

func TestResolveSettings(t *testing.T) {
	block := func(change map[string]types.String) map[string]types.String {
		values := map[string]types.String{
			"project_id": types.StringValue("p"), "key_id": types.StringValue("id"), "key_secret": types.StringValue("key-secret-value"),
			"api_url": types.StringValue("https://api.example"), "token_url": types.StringValue("https://auth.example/token"),
		}
		maps.Copy(values, change)
		return values
	}
	// resolved is what resolveSettings gives for the block's values, with the defaults of the rest.
	resolved := func(change map[string]string) map[string]string {
		values := map[string]string{
			"project_id": "p", "key_id": "id", "key_secret": "key-secret-value",
			"token_url": "https://auth.example/token", "max_retries": "4", "request_timeout": "30s",
			"conversation_region": "us", "conversation_api_url": "",
		}
		// Every API's URL defaults to its documented host (written apart from the table).
		for _, api := range sinchapi.CallbackAPIs {
			values[api.URLSetting] = "https://" + documented.CallbackConfigurations[api.Key].Host
		}
		values["provisioning_api_url"] = "https://" + documented.Webhooks["provisioning"].Host
		values["voice_api_url"] = "https://callingapi.sinch.com" // the Voice API's host, in every SDK
		values["api_url"] = "https://api.example"                // block(nil) sets it
		maps.Copy(values, change)
		return values
	}
	without := func(values map[string]string, names ...string) map[string]string {
		for _, name := range names {
			delete(values, name)
		}
		return values
	}
	null := types.StringNull()

	for name, tc := range map[string]struct {
		config map[string]types.String
		env    map[string]string
		// wantErrors maps each attribute that must have exactly one error to a text of its message.
		wantErrors  map[string]string
		want        map[string]string
		wantUnknown []string
		// wantWarnings are texts of the one warning's message.
		wantWarnings []string
	}{
		"all from the block": {
			config: block(nil),
			want:   resolved(nil),
		},
		"all from the environment, block empty": {
			config: map[string]types.String{},
			env: map[string]string{"SINCH_PROJECT_ID": "ep", "SINCH_KEY_ID": "eid", "SINCH_KEY_SECRET": "es",
				"SINCH_API_URL": "http://127.0.0.1:8080", "SINCH_TOKEN_URL": "http://localhost:8080/t",
				"SINCH_BRANDS_API_URL": "http://127.0.0.1:8081", "SINCH_NUMBERS_API_URL": "https://numbers.example",
				"SINCH_PROVISIONING_API_URL": "http://127.0.0.1:8082"},
			want: resolved(map[string]string{"project_id": "ep", "key_id": "eid", "key_secret": "es", "api_url": "http://127.0.0.1:8080",
				"token_url": "http://localhost:8080/t", "brands_api_url": "http://127.0.0.1:8081", "numbers_api_url": "https://numbers.example",
				"provisioning_api_url": "http://127.0.0.1:8082"}),
		},
		"block wins over the environment": {
			config: block(map[string]types.String{"numbers_api_url": types.StringValue("https://numbers.block.example")}),
			env: map[string]string{"SINCH_PROJECT_ID": "ep", "SINCH_KEY_ID": "eid", "SINCH_API_URL": "https://other.example",
				"SINCH_NUMBERS_API_URL": "https://numbers.env.example"},
			want: resolved(map[string]string{"numbers_api_url": "https://numbers.block.example"}),
		},
		"defaults for the URLs, no project": {
			config: block(map[string]types.String{"api_url": null, "token_url": null, "project_id": null}),
			want: resolved(map[string]string{"project_id": "", "api_url": "https://senderid.registrations.api.sinch.com",
				"token_url": "https://auth.sinch.com/oauth2/token"}),
		},
		"retries and timeout from the block": {
			config: block(map[string]types.String{"max_retries": types.StringValue("0"), "request_timeout": types.StringValue("2m")}),
			env:    map[string]string{"SINCH_MAX_RETRIES": "7", "SINCH_REQUEST_TIMEOUT": "5s"},
			want:   resolved(map[string]string{"max_retries": "0", "request_timeout": "2m"}),
		},
		"retries and timeout from the environment": {
			config: block(nil),
			env:    map[string]string{"SINCH_MAX_RETRIES": "7", "SINCH_REQUEST_TIMEOUT": "5s"},
			want:   resolved(map[string]string{"max_retries": "7", "request_timeout": "5s"}),
		},
		"bad retries and timeout in the environment": {
			config: block(nil),
			env:    map[string]string{"SINCH_MAX_RETRIES": "11", "SINCH_REQUEST_TIMEOUT": "30"},
			wantErrors: map[string]string{
				"max_retries":     `The SINCH_MAX_RETRIES environment variable, used for max_retries: "11" is not a number of retries from 0 to 10`,
				"request_timeout": `"30" is not a duration such as "30s"`,
			},
		},
		// A call that needs the access token says so (shared.APIErrorDiagnostic): the Voice API's need none.
		"no access key: no error": {
			config: block(map[string]types.String{"key_id": null, "key_secret": null}),
			want:   resolved(map[string]string{"key_id": "", "key_secret": ""}),
		},
		"known only after apply: no error, and no fallback to the environment": {
			config: block(map[string]types.String{"key_secret": types.StringUnknown(), "project_id": types.StringUnknown(),
				"max_retries": types.StringUnknown(), "numbers_api_url": types.StringUnknown()}),
			env:         map[string]string{"SINCH_KEY_SECRET": "es", "SINCH_PROJECT_ID": "ep", "SINCH_NUMBERS_API_URL": "https://n.example"},
			want:        without(resolved(nil), "project_id", "key_secret", "numbers_api_url", "max_retries"),
			wantUnknown: []string{"project_id", "key_secret", "numbers_api_url", "max_retries"},
		},
		// The region and the URL pick one host: one place decides both, the block first.
		"Conversation API: URL from the block beats the environment's region and URL": {
			config:       block(map[string]types.String{"conversation_api_url": types.StringValue("https://conversation.example")}),
			env:          map[string]string{"SINCH_CONVERSATION_REGION": "eu", "SINCH_CONVERSATION_API_URL": "https://env.example"},
			want:         resolved(map[string]string{"conversation_api_url": "https://conversation.example"}),
			wantWarnings: []string{"the environment sets SINCH_CONVERSATION_REGION too", `it calls conversation.example (conversation_api_url "https://conversation.example", from the provider block)`},
		},
		"Conversation API: region from the block beats the environment's URL": {
			config:       block(map[string]types.String{"conversation_region": types.StringValue("eu")}),
			env:          map[string]string{"SINCH_CONVERSATION_API_URL": "https://env.example"},
			want:         resolved(map[string]string{"conversation_region": "eu"}),
			wantWarnings: []string{"the environment sets SINCH_CONVERSATION_API_URL too", `it calls eu.conversation.api.sinch.com (conversation_region "eu", from the provider block)`},
		},
		"Conversation API: both from the environment, the URL overrides": {
			config: block(nil),
			env:    map[string]string{"SINCH_CONVERSATION_REGION": "eu", "SINCH_CONVERSATION_API_URL": "https://env.example"},
			want:   resolved(map[string]string{"conversation_region": "eu", "conversation_api_url": "https://env.example"}),
		},
		"Conversation API: region known only after apply: the environment is not read": {
			config:       block(map[string]types.String{"conversation_region": types.StringUnknown()}),
			env:          map[string]string{"SINCH_CONVERSATION_API_URL": "https://env.example"},
			want:         without(resolved(nil), "conversation_region"),
			wantUnknown:  []string{"conversation_region"},
			wantWarnings: []string{"it calls the host the block picks"},
		},
		"Conversation API: a region that does not exist": {
			config: block(nil),
			env:    map[string]string{"SINCH_CONVERSATION_REGION": "apac", "SINCH_CONVERSATION_API_URL": "http://conversation.example"},
			wantErrors: map[string]string{
				"conversation_region":  `The SINCH_CONVERSATION_REGION environment variable, used for conversation_region: "apac" is not a Conversation API region: use one of "us", "eu", "br"`,
				"conversation_api_url": "uses plain http",
			},
		},
		"Voice API URL from the environment": {
			config: block(nil),
			env:    map[string]string{"SINCH_VOICE_API_URL": "http://127.0.0.1:8083"},
			want:   resolved(map[string]string{"voice_api_url": "http://127.0.0.1:8083"}),
		},
		"bad values in the environment": {
			config: block(map[string]types.String{"project_id": null, "api_url": null, "token_url": null}),
			env: map[string]string{"SINCH_PROJECT_ID": "a b", "SINCH_API_URL": "https://user:pw@api.example", "SINCH_TOKEN_URL": "http://10.0.0.1/t",
				"SINCH_BRANDS_API_URL": "ftp://brands.example", "SINCH_VOICE_API_URL": "http://callingapi.sinch.com"},
			wantErrors: map[string]string{
				"voice_api_url":  `The SINCH_VOICE_API_URL environment variable, used for voice_api_url: "http://callingapi.sinch.com" uses plain http`,
				"project_id":     `The SINCH_PROJECT_ID environment variable, used for project_id: "a b" is not a Sinch project ID`,
				"api_url":        "must not carry credentials in the URL",
				"token_url":      "uses plain http",
				"brands_api_url": `The SINCH_BRANDS_API_URL environment variable, used for brands_api_url: "ftp://brands.example" must use https`,
			},
		},
	} {
		t.Run(name, func(t *testing.T) {
			clearSinchEnv(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			r, diags := resolveSettings(tc.config)
			got := r.values
			if !slices.Equal(r.unknown, tc.wantUnknown) {
				t.Errorf("unknown settings %v, want %v", r.unknown, tc.wantUnknown)
			}
			if len(diags.Errors()) != len(tc.wantErrors) || len(diags.Warnings()) != min(len(tc.wantWarnings), 1) {
				t.Fatalf("got %d diagnostics, want %d errors and %d warning: %v", len(diags), len(tc.wantErrors), min(len(tc.wantWarnings), 1), diags)
			}
			for _, text := range tc.wantWarnings {
				if !strings.Contains(diags.Warnings()[0].Detail(), text) {
					t.Errorf("the warning %q does not say %q", diags.Warnings()[0].Detail(), text)
				}
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
			if len(tc.wantErrors) == 0 && !maps.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
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
