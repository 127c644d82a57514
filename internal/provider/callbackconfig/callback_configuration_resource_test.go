package callbackconfig_test

import (
	"fmt"
	"regexp"
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

func TestAccCallbackConfiguration_lifecycle(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "set-in-the-dashboard"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				// Create adopts the existing configuration: one PUT, no read after it.
				PreConfig: env.StartCounting,
				Config:    env.Config("", acctest.ResourceConfig("project-1", "first-secret")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionCreate),
					plancheck.ExpectSensitiveValue(acctest.TestResource, tfjsonpath.New("hmac_secret")),
					plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("id"), knownvalue.StringExact("project-1")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectSecretInState("first-secret"),
					statecheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("id"), knownvalue.StringExact("project-1")),
					statecheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("project_id"), knownvalue.StringExact("project-1")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectRequests(sinchmock.Counts{Token: 1, Get: 2, Put: 1}),
					env.ExpectSecretAtSinch("project-1", "first-secret"),
					env.ExpectUserAgent,
				),
			},
			{
				// The same configuration again plans no change.
				Config: env.Config("", acctest.ResourceConfig("project-1", "first-secret")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				// Update: the refresh of the plan reads once, the apply writes once.
				PreConfig: env.StartCounting,
				Config:    env.Config("", acctest.ResourceConfig("project-1", "second-secret")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
					plancheck.ExpectSensitiveValue(acctest.TestResource, tfjsonpath.New("hmac_secret")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectSecretInState("second-secret")},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectRequests(sinchmock.Counts{Get: 1, Put: 1}),
					env.ExpectSecretAtSinch("project-1", "second-secret"),
				),
			},
			{
				// terraform import reads the secret, so every attribute can be compared.
				ResourceName:      acctest.TestResource,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// An import {} block finds the resource as it is: nothing to change.
				Config:          env.Config("", acctest.ResourceConfig("project-1", "second-secret")),
				ResourceName:    acctest.TestResource,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
			},
		},
		// Destroy makes no call (there is no delete endpoint) and leaves the secret at Sinch.
		CheckDestroy: func(s *terraform.State) error {
			if n := env.Mock.Counts().Other; n != 0 {
				return fmt.Errorf("the mock received %d requests other than token, GET and PUT", n)
			}
			if err := env.ExpectSecretAtSinch("project-1", "second-secret")(s); err != nil {
				return err
			}
			return env.ExpectOneToken()
		},
	})
}

func TestAccCallbackConfiguration_projectFromProvider(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"default-project": "old", "other-project": "old"})
	hcl := `
resource "sinch_callback_configuration" "test" {
  hmac_secret = "secret"
}`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: env.Config("default-project", hcl),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					// The plan names the project it will write, not "known after apply".
					plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("project_id"), knownvalue.StringExact("default-project")),
				}},
				Check: env.ExpectSecretAtSinch("default-project", "secret"),
			},
			{
				// Another default project is a move in place: the new project gets the secret.
				PreConfig: func() { env.Mock.SetSecret(sinchmock.SenderID, "default-project", "kept") },
				Config:    env.Config("other-project", hcl),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("project_id"), knownvalue.StringExact("other-project")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(acctest.TestResource, tfjsonpath.New("id"), knownvalue.StringExact("other-project")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectSecretAtSinch("other-project", "secret"), env.ExpectSecretAtSinch("default-project", "kept")),
			},
		},
	})
}

func TestAccCallbackConfiguration_driftIsRepaired(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
	config := env.Config("", acctest.ResourceConfig("project-1", "configured"))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// Someone changes the secret in the dashboard; the next plan puts it back.
				PreConfig: func() { env.Mock.SetSecret(sinchmock.SenderID, "project-1", "changed-behind-terraform") },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
					plancheck.ExpectSensitiveValue(acctest.TestResource, tfjsonpath.New("hmac_secret")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectSecretInState("configured")},
				Check:             env.ExpectSecretAtSinch("project-1", "configured"),
			},
		},
	})
}

func TestAccCallbackConfiguration_projectRemovedOutOfBand(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
	config := env.Config("", acctest.ResourceConfig("project-1", "configured"))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// Refresh drops the resource from state, so the plan proposes a create, which fails
				// while the project is missing and leaves nothing in state.
				PreConfig: func() { env.Mock.DeleteProject("project-1") },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionCreate),
				}},
				ExpectError: regexp.MustCompile(`Sinch says project "project-1" does not exist`),
			},
			{
				// Once the project is back, the same configuration sets its secret again.
				PreConfig: func() { env.Mock.SetSecret(sinchmock.SenderID, "project-1", "new-project") },
				Config:    config,
				Check:     env.ExpectSecretAtSinch("project-1", "configured"),
			},
		},
	})
}

func TestAccCallbackConfiguration_unknownProjectOnCreate(t *testing.T) {
	env := acctest.NewTestEnv(t, nil)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: env.Config("", acctest.ResourceConfig("no-such-project", "secret")),
			ExpectError: regexp.MustCompile(`(?s)Sinch says project "no-such-project" does not exist \(HTTP 404\s+NOT_FOUND.*` +
				`Check project_id\.`),
		}},
	})
}

func TestAccCallbackConfiguration_invalidInput(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
	for name, tc := range map[string]struct {
		hcl  string
		want string
	}{
		"empty secret": {acctest.ResourceConfig("project-1", ""), acctest.ErrorLike("Empty secret",
			"hmac_secret is empty, and Sinch does not accept an empty secret. Set a random secret of 32", "check that it is set there").String()},
		"project with slash": {acctest.ResourceConfig("a/b", "secret"), `"a/b" is not a Sinch project ID`},
		"no project anywhere": {`resource "sinch_callback_configuration" "test" { hmac_secret = "s" }`,
			`No project is named: set project_id here, or project_id in the provider\s+block, or the SINCH_PROJECT_ID environment variable`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Setenv("SINCH_PROJECT_ID", "")
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{{
					Config:      env.Config("", tc.hcl),
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
	if n := env.Mock.Counts().Put; n != 0 {
		t.Errorf("invalid input reached Sinch: %d PUT requests", n)
	}
}

func TestAccCallbackConfiguration_importErrors(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
	for name, tc := range map[string]struct{ id, want string }{
		"missing project": {"no-such-project", `(?s)Nothing to import.*Sinch says project "no-such-project" does not exist \(.*404\s+NOT_FOUND.*apply cannot create it`},
		"malformed ID":    {"../x", `"../x" is not a\s+Sinch\s+project ID`},
		"unknown suffix": {"project-1:read-only",
			acctest.ErrorLike(`"project-1:read-only" ends in ":read-only", which is not an import suffix (did you mean "project-1:write-only"?)`).String()},
		"misspelled suffix": {"project-1:writeonly",
			acctest.ErrorLike(`"project-1:writeonly" ends in ":writeonly", which is not an import suffix (did you mean "project-1:write-only"?)`).String()},
	} {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{{
					Config:        env.Config("", acctest.ResourceConfig("project-1", "s")),
					ResourceName:  acctest.TestResource,
					ImportState:   true,
					ImportStateId: tc.id,
					ExpectError:   regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}
