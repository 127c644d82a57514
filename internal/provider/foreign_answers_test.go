package provider

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

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Answers that are not Sinch's, or not what Sinch's answer should be, through Terraform: what the user
// reads, and what the state keeps.

func expectNoRequests(mock *sinchmock.Running) statecheck.StateCheck {
	return mockCheck(func() error {
		if n := len(mock.Requests()); n != 0 {
			return fmt.Errorf("%d requests went where a redirect pointed", n)
		}
		return nil
	})
}

func TestAccForeignAnswers_redirectsAreNotFollowed(t *testing.T) {
	for _, status := range []int{301, 302, 303, 307, 308} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			env := newTestEnv(t, map[string]string{"project-1": "old"})
			// Where the redirect points answers as Sinch would, so that a followed redirect would pass
			// for a write.
			elsewhere := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: map[string]string{"project-1": "old"}})
			defer elsewhere.Close()
			env.mock.Script(sinchmock.SenderID, http.MethodPut, putPath, sinchmock.Redirect(status, elsewhere.URL+putPath))
			config := env.config("", writeOnlyConfig(0))
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   writeOnlyVersions,
				ProtoV6ProviderFactories: env.factories,
				Steps: []resource.TestStep{
					{
						Config:          config,
						ConfigVariables: secretVariable("write-only-secret"),
						ExpectError: errorLike("Redirect not followed",
							fmt.Sprintf("answered HTTP %d, a redirect to %s", status, strings.TrimPrefix(elsewhere.URL, "http://")),
							"did not follow it and sent nothing there", "Check api_url (or SINCH_API_URL)"),
					},
					{
						// Nothing was stored: the next plan creates the resource, and sets the secret.
						Config:          config,
						ConfigVariables: secretVariable("write-only-secret"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionCreate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{expectNoRequests(elsewhere)},
						Check:             env.expectSecretAtSinch("project-1", "write-only-secret"),
					},
				},
			})
		})
	}
	t.Run("at the token endpoint", func(t *testing.T) {
		env := newTestEnv(t, map[string]string{"project-1": "old"})
		elsewhere := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret})
		defer elsewhere.Close()
		env.mock.ScriptToken(sinchmock.Redirect(307, elsewhere.TokenURL))
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.factories,
			Steps: []resource.TestStep{{
				Config: env.config("", resourceConfig("project-1", "s")),
				ExpectError: errorLike("Redirect not followed", "answered HTTP 307, a redirect to "+strings.TrimPrefix(elsewhere.URL, "http://"),
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
	mismatch := errorLike("Sinch did not confirm the secret", `Could not set the callback configuration of Sinch project "project-1"`,
		"a secret other than the one sent")

	t.Run("hmac_secret", func(t *testing.T) {
		env := newTestEnv(t, map[string]string{"project-1": "old"})
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.factories,
			Steps: []resource.TestStep{
				{
					// On create, nothing is stored.
					PreConfig:   func() { env.mock.Script(sinchmock.SenderID, http.MethodPut, putPath, other) },
					Config:      env.config("", resourceConfig("project-1", "first")),
					ExpectError: mismatch,
				},
				{
					Config: env.config("", resourceConfig("project-1", "first")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionCreate),
					}},
				},
				{
					// On update, the state keeps the secret before it.
					PreConfig:   func() { env.mock.Script(sinchmock.SenderID, http.MethodPut, putPath, other) },
					Config:      env.config("", resourceConfig("project-1", "second")),
					ExpectError: mismatch,
				},
				{
					Config:            env.config("", resourceConfig("project-1", "first")),
					ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					ConfigStateChecks: []statecheck.StateCheck{expectSecretInState("first")},
				},
			},
		})
	})

	t.Run("hmac_secret_wo", func(t *testing.T) {
		env := newTestEnv(t, map[string]string{"project-1": "old"})
		config := env.config("", writeOnlyConfig(0))
		resource.UnitTest(t, resource.TestCase{
			TerraformVersionChecks:   writeOnlyVersions,
			ProtoV6ProviderFactories: env.factories,
			Steps: []resource.TestStep{
				{Config: config, ConfigVariables: secretVariable("first")},
				{
					PreConfig:       func() { env.mock.Script(sinchmock.SenderID, http.MethodPut, putPath, other) },
					Config:          config,
					ConfigVariables: secretVariable("second"),
					ExpectError:     mismatch,
				},
				{
					// The digest is still the one of "first", which Sinch holds.
					Config:           config,
					ConfigVariables:  secretVariable("first"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}

// An update whose answer names no secret confirms the one sent, which the digest is made of.
func TestAccForeignAnswers_updateAnsweredWithoutASecret(t *testing.T) {
	env := newTestEnv(t, map[string]string{"project-1": "old"})
	config := env.config("", writeOnlyConfig(0))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyVersions,
		ProtoV6ProviderFactories: env.factories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.mock.Script(sinchmock.SenderID, http.MethodPut, putPath, sinchmock.Answer(map[string]any{"projectId": "project-1"}))
					env.mock.SetSecret(sinchmock.SenderID, "project-1", "sent-but-not-echoed")
				},
				Config:            config,
				ConfigVariables:   secretVariable("sent-but-not-echoed"),
				ConfigStateChecks: []statecheck.StateCheck{expectStatus(knownvalue.StringExact("applied"))},
			},
			{
				Config:           config,
				ConfigVariables:  secretVariable("sent-but-not-echoed"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A 404 that is not Sinch's (a wrong api_url, a gateway) says nothing about the project: the refresh
// fails and the state stays.
func TestAccForeignAnswers_notSinchsNotFound(t *testing.T) {
	const getPath = putPath
	for name, fault := range map[string]sinchmock.Fault{
		"an HTML page":          sinchmock.NotSinch(404),
		"JSON of another shape": {Status: 404, Body: `{"message":"Not Found"}`},
	} {
		t.Run(name, func(t *testing.T) {
			env := newTestEnv(t, map[string]string{"project-1": "old"})
			config := env.config("", resourceConfig("project-1", "configured"))
			wantError := errorLike("Not an answer of Sinch's API", "GET "+env.mock.URL+getPath+" answered HTTP 404",
				"says nothing about the project", "Check api_url (or SINCH_API_URL)")
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.factories,
				Steps: []resource.TestStep{
					{Config: config},
					{
						PreConfig:   func() { env.mock.Script(sinchmock.SenderID, http.MethodGet, getPath, fault) },
						Config:      config,
						ExpectError: wantError,
					},
					{
						// The resource is still in state: nothing to do.
						Config:           config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					},
					{
						PreConfig:   func() { env.mock.Script(sinchmock.SenderID, http.MethodGet, getPath, fault) },
						Config:      env.config("", `data "sinch_callback_configuration" "read" { project_id = "project-1" }`),
						ExpectError: wantError,
					},
				},
			})
		})
	}
}

// A project without a secret is a state: read as null, imported, and planned as an update.
func TestAccForeignAnswers_projectWithoutASecret(t *testing.T) {
	env := newTestEnv(t, map[string]string{"project-1": "", "project-2": "old"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.factories,
		Steps: []resource.TestStep{
			{
				Config: env.config("", `data "sinch_callback_configuration" "read" { project_id = "project-1" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.sinch_callback_configuration.read", tfjsonpath.New("hmac_secret"), knownvalue.Null()),
				},
			},
			{
				// An import block: the import works, and the plan sets the configured secret.
				Config: env.config("", `
import {
  to = sinch_callback_configuration.test
  id = "project-1"
}`+resourceConfig("project-1", "configured")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
				}},
				Check: env.expectSecretAtSinch("project-1", "configured"),
			},
			{
				// Someone clears the secret: the next plan sets it again.
				PreConfig: func() { env.mock.SetSecret(sinchmock.SenderID, "project-1", "") },
				Config:    env.config("", resourceConfig("project-1", "configured")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
				}},
				Check: env.expectSecretAtSinch("project-1", "configured"),
			},
		},
	})
}
