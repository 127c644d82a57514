package provider_test

import (
	"cmp"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// TestAccReliability_faults creates one resource (a PUT) while the mock misbehaves in one way, with
// max_retries = 2, and checks the outcome, the diagnostic, and how many attempts were made.
func TestAccReliability_faults(t *testing.T) {
	twoViolations := `{"error":{"code":400,"status":"INVALID_ARGUMENT","message":"Project validation error","details":[` +
		`{"type":"BadRequest","fieldViolations":[{"field":"hmacSecret","description":"must be 36 characters"},` +
		`{"field":"hmacSecret","description":"must be a UUID"}]}]}}`
	expired := sinchmock.Fault{Status: 401, Header: map[string]string{"WWW-Authenticate": `Bearer error="invalid_token", error_description="expired"`}}
	for name, tc := range map[string]struct {
		put, token []sinchmock.Fault
		settings   string
		want       []string // phrases of the error; none for success
		wantPuts   int
		wantTokens int // token requests
	}{
		"5xx, then success":                  {put: []sinchmock.Fault{acctest.Fault(503), acctest.Fault(502)}, wantPuts: 3, wantTokens: 1},
		"429 with Retry-After, then success": {put: []sinchmock.Fault{{Status: 429, Header: map[string]string{"Retry-After": "1"}}}, wantPuts: 2, wantTokens: 1},
		"dropped connection, then success":   {put: []sinchmock.Fault{{Drop: true}}, wantPuts: 2, wantTokens: 1},
		"expired token, then success":        {put: []sinchmock.Fault{expired}, wantPuts: 2, wantTokens: 2},
		"token endpoint 429, then success":   {token: []sinchmock.Fault{acctest.Fault(429)}, wantPuts: 1, wantTokens: 2},
		"5xx until retries run out": {put: acctest.Repeat(acctest.Fault(500), 3), wantPuts: 3, wantTokens: 1,
			want: []string{"Sinch API unavailable", `project "project-1" in the Sender ID Registrations API: Sinch answered HTTP 500 UNKNOWN: Scripted answer 500 after 3 attempts.`, "try again later"}},
		"429 until retries run out": {put: acctest.Repeat(acctest.Fault(429), 3), wantPuts: 3, wantTokens: 1,
			want: []string{"Sinch is rate limiting the provider", "HTTP 429 UNKNOWN", "after 3 attempts", "lower -parallelism"}},
		"HTML 502 until retries run out": {put: acctest.Repeat(sinchmock.Fault{Status: 502, Body: "<html>Bad Gateway</html>"}, 3), wantPuts: 3, wantTokens: 1,
			want: []string{"Sinch API unavailable", "HTTP 502, with a body that is not Sinch's JSON error after 3 attempts"}},
		"501 is final": {put: []sinchmock.Fault{acctest.Fault(501)}, wantPuts: 1, wantTokens: 1,
			want: []string{"Sinch API unavailable", "HTTP 501 UNKNOWN: Scripted answer 501 after 1 attempt."}},
		"400 lists every violation": {put: []sinchmock.Fault{{Status: 400, Body: twoViolations}}, wantPuts: 1, wantTokens: 1,
			want: []string{"Sinch rejected the callback configuration", `project "project-1"`, "- hmacSecret: must be 36 characters", "- hmacSecret: must be a UUID"}},
		"401 is final": {put: []sinchmock.Fault{acctest.Fault(401)}, wantPuts: 1, wantTokens: 1,
			want: []string{"Sinch refused the request", "HTTP 401 UNAUTHENTICATED", "Check key_id and key_secret", `belongs to project "project-1"`}},
		"403 is final": {put: []sinchmock.Fault{acctest.Fault(403)}, wantPuts: 1, wantTokens: 1,
			want: []string{"Sinch refused the request", "HTTP 403"}},
		"expired twice": {put: []sinchmock.Fault{expired, expired}, wantPuts: 2, wantTokens: 2,
			want: []string{"Sinch refused the request", "HTTP 401"}},
		"token endpoint 429 until retries run out": {token: acctest.Repeat(acctest.Fault(429), 3), wantPuts: 0, wantTokens: 3,
			want: []string{"Sinch's token endpoint is unavailable", "HTTP 429 after 3 attempts"}},
		"truncated JSON": {put: []sinchmock.Fault{{Status: 200, Body: `{"hmacSecret":"sec`}}, wantPuts: 1, wantTokens: 1,
			want: []string{"Unexpected answer from Sinch", "HTTP 200 after 1 attempt, but it is not JSON of the documented shape"}},
		"wrong types": {put: []sinchmock.Fault{{Status: 200, Body: `{"hmacSecret":42,"projectId":true}`}}, wantPuts: 1, wantTokens: 1,
			want: []string{"Unexpected answer from Sinch", "not JSON of the documented shape"}},
		"no answer in time": {put: acctest.Repeat(sinchmock.Fault{Delay: 10 * time.Second}, 2), settings: `request_timeout = "200ms"
  max_retries = 1`, wantPuts: 2, wantTokens: 1,
			want: []string{"Sinch did not answer in time", "did not answer within request_timeout after 2 attempts", "raise request_timeout"}},
	} {
		t.Run(name, func(t *testing.T) {
			env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
			env.Mock.Script(sinchmock.SenderID, http.MethodPut, acctest.CallbackConfigurationPath, tc.put...)
			env.Mock.ScriptToken(tc.token...)
			settings := tc.settings
			if settings == "" {
				settings = "max_retries = 2"
			}
			step := resource.TestStep{
				Config: env.ConfigWith(settings, acctest.ResourceConfig("project-1", "new-secret")),
				Check:  env.ExpectSecretAtSinch("project-1", "new-secret"),
			}
			if tc.want != nil {
				step = resource.TestStep{Config: step.Config, ExpectError: acctest.ErrorLike(tc.want...)}
			}
			resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories, Steps: []resource.TestStep{step}})
			if got := env.Mock.Counts(); got.Put != tc.wantPuts || got.Token != tc.wantTokens {
				t.Errorf("%d PUT and %d token requests, want %d and %d", got.Put, got.Token, tc.wantPuts, tc.wantTokens)
			}
		})
	}
}

// TestAccReliability_network points the provider at hosts that fail before HTTP.
func TestAccReliability_network(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	untrusted := httptest.NewTLSServer(http.NotFoundHandler())
	defer untrusted.Close()
	closedHost := strings.TrimPrefix(closed.URL, "http://")
	for name, tc := range map[string]struct {
		apiURL, tokenURL string // empty: the mock's
		want             []string
	}{
		"refused connection": {apiURL: closed.URL,
			want: []string{"Sinch refused the connection", closedHost + " refused the connection after 3 attempts"}},
		"untrusted certificate": {apiURL: untrusted.URL,
			want: []string{"TLS failure talking to Sinch", "x509: certificate signed by unknown authority", "certificate authority trusted"}},
		"token endpoint refusing connections": {tokenURL: closed.URL + "/oauth2/token",
			want: []string{"Sinch refused the connection", `Could not set the callback configuration of Sinch project "project-1" in the Sender ID Registrations API: ` +
				closedHost + " refused the connection after 3 attempts"}},
	} {
		t.Run(name, func(t *testing.T) {
			env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
			apiURL, tokenURL := cmp.Or(tc.apiURL, env.Mock.URL), cmp.Or(tc.tokenURL, env.Mock.TokenURL)
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{{
					Config:      acctest.ProviderHCL(apiURL, tokenURL, "max_retries = 2") + acctest.ResourceConfig("project-1", "s"),
					ExpectError: acctest.ErrorLike(tc.want...),
				}},
			})
		})
	}
}

func TestAccReliability_tokenExpiresMidRun(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: env.Config("", acctest.ResourceConfig("project-1", "one"))},
			{
				// The refresh meets an expired token, fetches a new one, and repeats the GET once.
				PreConfig: func() { env.StartCounting(); env.Mock.ExpireTokens() },
				Config:    env.Config("", acctest.ResourceConfig("project-1", "two")),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectRequests(sinchmock.Counts{Token: 1, Get: 2, Put: 1}),
					env.ExpectSecretAtSinch("project-1", "two"),
				),
			},
		},
	})
	if n := env.Mock.TokensIssued(); n != 2 {
		t.Errorf("%d tokens issued, want 2", n)
	}
}

func TestAccReliability_failedCreateLeavesNothing(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
	config := env.ConfigWith("max_retries = 0", acctest.ResourceConfig("project-1", "new"))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Mock.Script(sinchmock.SenderID, http.MethodPut, acctest.CallbackConfigurationPath, acctest.Fault(500))
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`Sinch API unavailable`),
			},
			{
				// Nothing was stored: the plan creates the resource again.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionCreate),
				}},
				Check: env.ExpectSecretAtSinch("project-1", "new"),
			},
		},
	})
}

// In write-only mode the state is all Terraform knows of the secret: a failed update must leave it,
// digest included, as it was.
func TestAccReliability_failedUpdateKeepsTheState(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
	config := func() string {
		return env.ConfigWith("max_retries = 0", acctest.WriteOnlyConfig(0))
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config(), ConfigVariables: acctest.SecretVariable("first")},
			{
				PreConfig: func() {
					env.Mock.Script(sinchmock.SenderID, http.MethodPut, acctest.CallbackConfigurationPath, acctest.Fault(400))
				},
				Config:          config(),
				ConfigVariables: acctest.SecretVariable("second"),
				ExpectError:     regexp.MustCompile(`Sinch rejected the callback configuration`),
			},
			{
				// The state still knows "first" as the secret written: nothing to do for it.
				Config:          config(),
				ConfigVariables: acctest.SecretVariable("first"),
				PlanOnly:        true,
			},
		},
	})
}

// TestAccReliability_load applies 100 configurations while the mock answers one request in five with
// 429 or a 5xx: every configuration ends right, with one token for the provider. Terraform runs them at
// its default -parallelism of 10 (plugin-testing passes no flag, and strips TF_CLI_ARGS_*).
func TestAccReliability_load(t *testing.T) {
	const n = 100
	projects := map[string]string{}
	for i := range n {
		projects[fmt.Sprintf("project-%03d", i)] = "old"
	}
	mock := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: projects,
		Chaos: &sinchmock.Chaos{Probability: 0.2, Statuses: []int{429, 500, 502, 503, 504}, Seed: 42}})
	defer mock.Close()
	env := acctest.NewTestEnvFor(mock)
	config := func(secret string) string {
		return env.ConfigWith("max_retries = 8", fmt.Sprintf(`
resource "sinch_callback_configuration" "load" {
  for_each    = toset([for i in range(%d) : format("project-%%03d", i)])
  project_id  = each.key
  hmac_secret = "%s-${each.key}"
}`, n, secret))
	}
	allSetTo := func(secret string) []statecheck.StateCheck {
		return []statecheck.StateCheck{acctest.MockCheck(func() error {
			for id := range projects {
				if got, _ := mock.Secret(sinchmock.SenderID, id); got != secret+"-"+id {
					return fmt.Errorf("%s holds %q", id, got)
				}
			}
			return nil
		})}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config("first"), ConfigStateChecks: allSetTo("first")},
			{Config: config("second"), ConfigStateChecks: allSetTo("second")},
			// Removing them here, rather than in the test's final destroy, keeps that destroy from
			// reading the state through plugin-testing's legacy shim, which cannot index for_each keys.
			{Config: env.ConfigWith("max_retries = 8", "")},
		},
	})
	if issued := mock.TokensIssued(); issued != 1 {
		t.Errorf("%d tokens issued, want 1 for the provider", issued)
	}
	if c := mock.Counts(); c.Put < 2*n {
		t.Errorf("only %d PUTs for %d updates", c.Put, 2*n)
	}
}

// TestAccReliability_tokenOutage creates 10 resources while the token endpoint fails: the calls share
// one token request and its retries, so Terraform reports the failure after one retry cycle, and a
// refused access key is asked once, not once per resource.
func TestAccReliability_tokenOutage(t *testing.T) {
	projects := map[string]string{}
	for i := range 10 {
		projects[fmt.Sprintf("project-%d", i)] = "old"
	}
	hcl := `
resource "sinch_callback_configuration" "many" {
  for_each    = toset([for i in range(10) : "project-${i}"])
  project_id  = each.key
  hmac_secret = "new-secret-for-${each.key}"
}`
	for name, tc := range map[string]struct {
		key        string
		token      []sinchmock.Fault
		want       []string
		wantTokens int
	}{
		"token endpoint down": {key: acctest.TestKeySecret, wantTokens: 3,
			token: acctest.Repeat(sinchmock.Fault{Status: 503, Header: map[string]string{"Retry-After": "1"}}, 30),
			want:  []string{"Sinch's token endpoint is unavailable", "HTTP 503 after 3 attempts"}},
		"access key refused": {key: "wrong-key-secret", wantTokens: 1,
			want: []string{"Sinch refused the access key", "HTTP 401 (invalid_client)"}},
	} {
		t.Run(name, func(t *testing.T) {
			env := acctest.NewTestEnv(t, projects)
			env.Mock.ScriptToken(tc.token...)
			config := strings.Replace(env.ConfigWith("max_retries = 2", hcl), acctest.TestKeySecret, tc.key, 1)
			started := time.Now()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps:                    []resource.TestStep{{Config: config, ExpectError: acctest.ErrorLike(tc.want...)}},
			})
			if got := env.Mock.Counts(); got.Token != tc.wantTokens || got.Put != 0 {
				t.Errorf("%d token requests and %d PUT, want %d and none", got.Token, got.Put, tc.wantTokens)
			}
			// One retry cycle is about 2 s with Retry-After: 1; one after another, 20 s.
			if took := time.Since(started); took > 8*time.Second {
				t.Errorf("the apply failed after %s, want about one retry cycle", took)
			}
		})
	}
}
