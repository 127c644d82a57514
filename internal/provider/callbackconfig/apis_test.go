package callbackconfig_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi/documented"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Every type of every API, end to end through the CLI: the behaviour is written once, so the tests
// check that each type has all of it, and that each makes its API's own calls, to its API's host.

// apiTest is the test environment of one API's types.
type apiTest struct {
	*acctest.TestEnv
	api      sinchapi.CallbackAPI
	resource string // the resource's address
	// requests is how many requests the mock had when the step began.
	requests int
}

func newAPITest(t *testing.T, api sinchapi.CallbackAPI, projects map[string]string) *apiTest {
	return &apiTest{TestEnv: acctest.NewTestEnv(t, projects), api: api, resource: "sinch_" + api.TypeName + ".test"}
}

func (a *apiTest) plaintext(secret string) string {
	return a.Config("", fmt.Sprintf(`
resource %q "test" {
  project_id  = %q
  hmac_secret = %q
}`, "sinch_"+a.api.TypeName, apiTestProject, secret))
}

func (a *apiTest) writeOnly(version int) string {
	return a.Config("", fmt.Sprintf(`
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource %q "test" {
  project_id             = %q
  hmac_secret_wo         = var.secret
  hmac_secret_wo_version = %d
}`, "sinch_"+a.api.TypeName, apiTestProject, version))
}

func (a *apiTest) begin() { a.requests = len(a.Mock.Requests()) }

// apiTestProject is the project of the tests of every API, and apiTestStart the secret it starts with
// in each.
const apiTestProject, apiTestStart = "project-1", "dashboard"

// expectOwnCalls checks every request since the step began: a token request, or this API's read, or
// its update with the documented body, at its own host and at the path Sinch documents (apart from the
// table the provider follows), for apiTestProject; and the secrets that the updates sent.
func (a *apiTest) expectOwnCalls(wantUpdates ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var updates []string
		want := documented.CallbackConfigurations[a.api.Key]
		path := fmt.Sprintf(want.Path, apiTestProject)
		for _, r := range a.Mock.Requests()[a.requests:] {
			if r.Path == sinchmock.TokenPath {
				continue
			}
			own := sinchmock.API(a.api.Key)
			if r.API != own || r.Path != path || (r.Method != want.Read && r.Method != want.Update) {
				return fmt.Errorf("%s made %s %s at the %s API, want %s or %s %s at the %s API",
					"sinch_"+a.api.TypeName, r.Method, r.Path, r.API, want.Read, want.Update, path, own)
			}
			if r.Method == want.Update {
				var body map[string]string
				if err := json.Unmarshal([]byte(r.Body), &body); err != nil || len(body) != 1 {
					return fmt.Errorf("the update's body is %q, want {\"hmacSecret\": ...}", r.Body)
				}
				updates = append(updates, body["hmacSecret"])
			}
		}
		if fmt.Sprint(updates) != fmt.Sprint(wantUpdates) {
			return fmt.Errorf("updates sent %q, want %q", updates, wantUpdates)
		}
		return nil
	}
}

// expectSecretIn checks the secret of apiTestProject in this API, and that no other API's secret changed.
func (a *apiTest) expectSecretIn(want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, api := range sinchmock.APIs {
			secret, _ := a.Mock.Secret(api, apiTestProject)
			switch {
			case api == sinchmock.API(a.api.Key) && secret != want:
				return fmt.Errorf("the %s API holds %q for %s, want %q", api, secret, apiTestProject, want)
			case api != sinchmock.API(a.api.Key) && secret != apiTestStart:
				return fmt.Errorf("the %s API holds %q for %s: another API's write reached it", api, secret, apiTestProject)
			}
		}
		return nil
	}
}

func TestAccAPIs_plaintextLifecycle(t *testing.T) {
	for _, api := range sinchapi.CallbackAPIs {
		t.Run("sinch_"+api.TypeName, func(t *testing.T) {
			a := newAPITest(t, api, map[string]string{apiTestProject: apiTestStart})
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: a.Factories,
				Steps: []resource.TestStep{
					{
						PreConfig: a.begin,
						Config:    a.plaintext("first"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(a.resource, plancheck.ResourceActionCreate),
							plancheck.ExpectSensitiveValue(a.resource, tfjsonpath.New("hmac_secret")),
						}},
						Check: resource.ComposeAggregateTestCheckFunc(
							a.expectOwnCalls("first"), a.expectSecretIn("first")),
					},
					{
						// Drift at Sinch shows, and apply repairs it.
						PreConfig: func() { a.begin(); a.Mock.SetSecret(sinchmock.API(api.Key), apiTestProject, "changed") },
						Config:    a.plaintext("first"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(a.resource, plancheck.ResourceActionUpdate),
						}},
						Check: resource.ComposeAggregateTestCheckFunc(
							a.expectOwnCalls("first"), a.expectSecretIn("first")),
					},
					{
						// An update: one refresh, one write.
						PreConfig: a.begin,
						Config:    a.plaintext("second"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(a.resource, plancheck.ResourceActionUpdate),
						}},
						Check: resource.ComposeAggregateTestCheckFunc(
							a.expectOwnCalls("second"), a.expectSecretIn("second")),
					},
					{
						PreConfig:         a.begin,
						ResourceName:      a.resource,
						ImportState:       true,
						ImportStateId:     apiTestProject,
						ImportStateVerify: true,
					},
					{
						// An import block finds nothing to change.
						Config:          a.plaintext("second"),
						ResourceName:    a.resource,
						ImportState:     true,
						ImportStateKind: resource.ImportBlockWithID,
					},
				},
				// Destroy calls nothing but refreshes, and leaves the secret.
				CheckDestroy: resource.ComposeAggregateTestCheckFunc(
					a.expectOwnCalls(), a.expectSecretIn("second"),
					func(*terraform.State) error { return a.ExpectOneToken() }),
			})
		})
	}
}

func TestAccAPIs_writeOnly(t *testing.T) {
	for _, api := range sinchapi.CallbackAPIs {
		t.Run("sinch_"+api.TypeName, func(t *testing.T) {
			a := newAPITest(t, api, map[string]string{apiTestProject: apiTestStart})
			step := func(version int, secret string) resource.TestStep {
				return resource.TestStep{PreConfig: a.begin, Config: a.writeOnly(version), ConfigVariables: acctest.SecretVariable(secret)}
			}
			create, sameVersion, drift, repair := step(1, "wo-1"), step(1, "wo-2"), step(1, "wo-3"), step(2, "wo-4")
			create.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{acctest.PlanWithout{"wo-1"}}}
			create.ConfigStateChecks = []statecheck.StateCheck{acctest.StateWithout{"wo-1"},
				statecheck.ExpectKnownValue(a.resource, tfjsonpath.New("hmac_secret_wo_status"), knownvalue.StringExact("applied"))}
			create.Check = resource.ComposeAggregateTestCheckFunc(a.expectOwnCalls("wo-1"), a.expectSecretIn("wo-1"))
			sameVersion.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
			sameVersion.Check = a.expectOwnCalls()
			drift.PreConfig = func() { a.begin(); a.Mock.SetSecret(sinchmock.API(api.Key), apiTestProject, "changed") }
			drift.ConfigStateChecks = []statecheck.StateCheck{
				statecheck.ExpectKnownValue(a.resource, tfjsonpath.New("hmac_secret_wo_status"), knownvalue.StringExact("drifted"))}
			drift.Check = a.expectOwnCalls()
			repair.Check = resource.ComposeAggregateTestCheckFunc(a.expectOwnCalls("wo-4"), a.expectSecretIn("wo-4"))

			importWriteOnly := resource.TestStep{
				PreConfig:        a.begin,
				Config:           a.writeOnly(2),
				ConfigVariables:  acctest.SecretVariable("wo-4"),
				ResourceName:     a.resource,
				ImportState:      true,
				ImportStateId:    apiTestProject + ":write-only",
				ImportStateCheck: importedWithoutTheSecret("wo-4"),
			}
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.WriteOnlyVersions,
				ProtoV6ProviderFactories: a.Factories,
				Steps:                    []resource.TestStep{create, sameVersion, drift, repair, importWriteOnly},
			})
		})
	}
}

func TestAccAPIs_readers(t *testing.T) {
	for _, api := range sinchapi.CallbackAPIs {
		t.Run("sinch_"+api.TypeName, func(t *testing.T) {
			a := newAPITest(t, api, map[string]string{apiTestProject: apiTestStart})
			a.Mock.SetSecret(sinchmock.API(api.Key), apiTestProject, "this-api-secret")
			hcl := fmt.Sprintf(`
data %[1]q "read" {
  project_id = "project-1"
}

ephemeral %[1]q "read" {
  project_id = "project-1"
}

provider "echo" {
  data = ephemeral.%[1]s.read
}

resource "echo" "read" {}`, "sinch_"+api.TypeName)
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
				ProtoV6ProviderFactories: acctest.WithEcho(a.TestEnv),
				Steps: []resource.TestStep{{
					PreConfig: a.begin,
					Config:    a.Config("", hcl),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.sinch_"+api.TypeName+".read", tfjsonpath.New("hmac_secret"), knownvalue.StringExact("this-api-secret")),
						statecheck.ExpectKnownValue("echo.read", tfjsonpath.New("data").AtMapKey("hmac_secret"), knownvalue.StringExact("this-api-secret")),
					},
					Check: a.expectOwnCalls(),
				}},
			})
		})
	}
}

// One provider block sets one project's secret in every API, with one token.
func TestAccAPIs_oneProjectEveryAPI(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{apiTestProject: apiTestStart})
	var hcl string
	for _, api := range sinchapi.CallbackAPIs {
		hcl += fmt.Sprintf(`
resource %q "every" {
  project_id  = "project-1"
  hmac_secret = "secret-for-%s"
}`, "sinch_"+api.TypeName, api.Name)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: env.Config("", hcl),
			Check: func(*terraform.State) error {
				for _, api := range sinchapi.CallbackAPIs {
					if secret, _ := env.Mock.Secret(sinchmock.API(api.Key), "project-1"); secret != "secret-for-"+api.Name {
						return fmt.Errorf("the %s API holds %q", api.Name, secret)
					}
				}
				return env.ExpectOneToken()
			},
		}},
	})
	want := map[string]int{}
	for _, api := range sinchapi.CallbackAPIs {
		want[documented.CallbackConfigurations[api.Key].Update]++
	}
	if c := env.Mock.Counts(); c.Put != want["PUT"] || c.Patch != want["PATCH"] {
		t.Errorf("%+v, want one update at each API, with its documented method: %v", c, want)
	}
}

// A failure names the API, and the setting of its URL.
func TestAccAPIs_diagnosticsNameTheAPI(t *testing.T) {
	for _, api := range sinchapi.CallbackAPIs {
		t.Run("sinch_"+api.TypeName, func(t *testing.T) {
			a := newAPITest(t, api, map[string]string{apiTestProject: apiTestStart})
			path := sinchmock.API(api.Key).Path(apiTestProject)
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: a.Factories,
				Steps: []resource.TestStep{
					{
						PreConfig: func() {
							a.Mock.Script(sinchmock.API(api.Key), api.UpdateMethod, path, sinchmock.Redirect(302, "https://elsewhere.example/"))
						},
						Config: a.plaintext("first"),
						ExpectError: acctest.ErrorLike(fmt.Sprintf(`Sinch project "%s" in the %s API`, apiTestProject, api.Name),
							"a redirect to elsewhere.example", fmt.Sprintf("Check %s (or %s)", api.URLSetting, sinchapi.EnvVarOf(api.URLSetting))),
					},
					{
						PreConfig: func() { a.Mock.Script(sinchmock.API(api.Key), "GET", path, sinchmock.NotSinch(404)) },
						Config:    a.Config("", fmt.Sprintf(`data %q "read" { project_id = %q }`, "sinch_"+api.TypeName, apiTestProject)),
						ExpectError: acctest.ErrorLike("Not an answer of Sinch's API", fmt.Sprintf("Check %s (or %s)", api.URLSetting, sinchapi.EnvVarOf(api.URLSetting)),
							fmt.Sprintf("base URL of Sinch's %s API, such as %s", api.Name, api.DefaultURL)),
					},
				},
			})
		})
	}
}
