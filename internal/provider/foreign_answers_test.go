package provider_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Answers that are not Sinch's, or not what Sinch's answer should be, through Terraform: what the user
// reads, and what the state keeps.

func expectNoRequests(mock *sinchmock.Running) statecheck.StateCheck {
	return acctest.MockCheck(func() error {
		if n := len(mock.Requests()); n != 0 {
			return fmt.Errorf("%d requests went where a redirect pointed", n)
		}
		return nil
	})
}

func TestAccForeignAnswers_redirectsAreNotFollowed(t *testing.T) {
	for _, status := range []int{301, 302, 303, 307, 308} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
			// Where the redirect points answers as Sinch would, so that a followed redirect would pass
			// for a write.
			elsewhere := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret, Projects: map[string]string{"project-1": "old"}})
			defer elsewhere.Close()
			env.Mock.Script(sinchmock.SenderID, http.MethodPut, acctest.CallbackConfigurationPath, sinchmock.Redirect(status, elsewhere.URL+acctest.CallbackConfigurationPath))
			config := env.Config("", acctest.WriteOnlyConfig(0))
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.WriteOnlyVersions,
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{
					{
						Config:          config,
						ConfigVariables: acctest.SecretVariable("write-only-secret"),
						ExpectError: acctest.ErrorLike("Redirect not followed",
							fmt.Sprintf("answered HTTP %d, a redirect to %s", status, strings.TrimPrefix(elsewhere.URL, "http://")),
							"did not follow it and sent nothing there", "Check api_url (or SINCH_API_URL)"),
					},
					{
						// Nothing was stored: the next plan creates the resource, and sets the secret.
						Config:          config,
						ConfigVariables: acctest.SecretVariable("write-only-secret"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionCreate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{expectNoRequests(elsewhere)},
						Check:             env.ExpectSecretAtSinch("project-1", "write-only-secret"),
					},
				},
			})
		})
	}
	t.Run("at the token endpoint", func(t *testing.T) {
		env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
		elsewhere := sinchmock.Start(sinchmock.Options{KeyID: acctest.TestKeyID, KeySecret: acctest.TestKeySecret})
		defer elsewhere.Close()
		env.Mock.ScriptToken(sinchmock.Redirect(307, elsewhere.TokenURL))
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories,
			Steps: []resource.TestStep{{
				Config: env.Config("", acctest.ResourceConfig("project-1", "s")),
				ExpectError: acctest.ErrorLike("Redirect not followed", "answered HTTP 307, a redirect to "+strings.TrimPrefix(elsewhere.URL, "http://"),
					"Check token_url (or SINCH_TOKEN_URL)"),
			}},
		})
		if n := len(elsewhere.Requests()); n != 0 {
			t.Errorf("%d requests, with the access key, went where the redirect pointed", n)
		}
	})
}

// An update whose answer names another secret fails, and the state keeps what Sinch last confirmed.
func TestAccForeignAnswers_updateAnsweredWithAnotherSecret(t *testing.T) {
	other := sinchmock.Answer(map[string]any{"projectId": "project-1", "hmacSecret": "a-secret-nobody-sent"})
	mismatch := acctest.ErrorLike("Sinch did not confirm the secret", `Could not set the callback configuration of Sinch project "project-1"`,
		"a secret other than the one sent")

	t.Run("hmac_secret", func(t *testing.T) {
		env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories,
			Steps: []resource.TestStep{
				{
					// On create, nothing is stored.
					PreConfig:   func() { env.Mock.Script(sinchmock.SenderID, http.MethodPut, acctest.CallbackConfigurationPath, other) },
					Config:      env.Config("", acctest.ResourceConfig("project-1", "first")),
					ExpectError: mismatch,
				},
				{
					Config: env.Config("", acctest.ResourceConfig("project-1", "first")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionCreate),
					}},
				},
				{
					// On update, the state keeps the secret before it.
					PreConfig:   func() { env.Mock.Script(sinchmock.SenderID, http.MethodPut, acctest.CallbackConfigurationPath, other) },
					Config:      env.Config("", acctest.ResourceConfig("project-1", "second")),
					ExpectError: mismatch,
				},
				{
					Config:            env.Config("", acctest.ResourceConfig("project-1", "first")),
					ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectSecretInState("first")},
				},
			},
		})
	})

	t.Run("hmac_secret_wo", func(t *testing.T) {
		env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
		config := env.Config("", acctest.WriteOnlyConfig(0))
		resource.UnitTest(t, resource.TestCase{
			TerraformVersionChecks:   acctest.WriteOnlyVersions,
			ProtoV6ProviderFactories: env.Factories,
			Steps: []resource.TestStep{
				{Config: config, ConfigVariables: acctest.SecretVariable("first")},
				{
					PreConfig:       func() { env.Mock.Script(sinchmock.SenderID, http.MethodPut, acctest.CallbackConfigurationPath, other) },
					Config:          config,
					ConfigVariables: acctest.SecretVariable("second"),
					ExpectError:     mismatch,
				},
				{
					// The digest is still the one of "first", which Sinch holds.
					Config:           config,
					ConfigVariables:  acctest.SecretVariable("first"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}

// An update whose answer names no secret confirms the one sent, which the digest is made of.
func TestAccForeignAnswers_updateAnsweredWithoutASecret(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
	config := env.Config("", acctest.WriteOnlyConfig(0))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Mock.Script(sinchmock.SenderID, http.MethodPut, acctest.CallbackConfigurationPath, sinchmock.Answer(map[string]any{"projectId": "project-1"}))
					env.Mock.SetSecret(sinchmock.SenderID, "project-1", "sent-but-not-echoed")
				},
				Config:            config,
				ConfigVariables:   acctest.SecretVariable("sent-but-not-echoed"),
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectStatus(knownvalue.StringExact("applied"))},
			},
			{
				Config:           config,
				ConfigVariables:  acctest.SecretVariable("sent-but-not-echoed"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A 404 that is not Sinch's (a wrong api_url, a gateway) says nothing about the project: the refresh
// fails and the state stays.
func TestAccForeignAnswers_notSinchsNotFound(t *testing.T) {
	const getPath = acctest.CallbackConfigurationPath
	for name, fault := range map[string]sinchmock.Fault{
		"an HTML page":          sinchmock.NotSinch(404),
		"JSON of another shape": {Status: 404, Body: `{"message":"Not Found"}`},
	} {
		t.Run(name, func(t *testing.T) {
			env := acctest.NewTestEnv(t, map[string]string{"project-1": "old"})
			config := env.Config("", acctest.ResourceConfig("project-1", "configured"))
			wantError := acctest.ErrorLike("Not an answer of Sinch's API", "GET "+env.Mock.URL+getPath+" answered HTTP 404",
				"says nothing about the project", "Check api_url (or SINCH_API_URL)")
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories,
				Steps: []resource.TestStep{
					{Config: config},
					{
						PreConfig:   func() { env.Mock.Script(sinchmock.SenderID, http.MethodGet, getPath, fault) },
						Config:      config,
						ExpectError: wantError,
					},
					{
						// The resource is still in state: nothing to do.
						Config:           config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					},
					{
						PreConfig:   func() { env.Mock.Script(sinchmock.SenderID, http.MethodGet, getPath, fault) },
						Config:      env.Config("", `data "sinch_callback_configuration" "read" { project_id = "project-1" }`),
						ExpectError: wantError,
					},
				},
			})
		})
	}
}

// A project without a secret is a state: read as null, imported, and planned as an update.
func TestAccForeignAnswers_projectWithoutASecret(t *testing.T) {
	env := acctest.NewTestEnv(t, map[string]string{"project-1": "", "project-2": "old"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config: env.Config("", `data "sinch_callback_configuration" "read" { project_id = "project-1" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.sinch_callback_configuration.read", tfjsonpath.New("hmac_secret"), knownvalue.Null()),
				},
			},
			{
				// An import block: the import works, and the plan sets the configured secret.
				Config: env.Config("", `
import {
  to = sinch_callback_configuration.test
  id = "project-1"
}`+acctest.ResourceConfig("project-1", "configured")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
				}},
				Check: env.ExpectSecretAtSinch("project-1", "configured"),
			},
			{
				// Someone clears the secret: the next plan sets it again.
				PreConfig: func() { env.Mock.SetSecret(sinchmock.SenderID, "project-1", "") },
				Config:    env.Config("", acctest.ResourceConfig("project-1", "configured")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.TestResource, plancheck.ResourceActionUpdate),
				}},
				Check: env.ExpectSecretAtSinch("project-1", "configured"),
			},
		},
	})
}
