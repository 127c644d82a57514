package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// Write-only attributes need Terraform 1.11.
var writeOnlyVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)}

// writeOnlyConfig takes the secret from an ephemeral variable, as a careful user would, so that
// neither the plan nor the state can hold it; secretVariable gives the variable its value. A version of
// 0 leaves hmac_secret_wo_version out.
func writeOnlyConfig(version float64) string {
	versionLine := ""
	if version != 0 {
		versionLine = fmt.Sprintf("hmac_secret_wo_version = %g", version)
	}
	return fmt.Sprintf(`
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_callback_configuration" "test" {
  project_id     = "project-1"
  hmac_secret_wo = var.secret
  %s
}`, versionLine)
}

func secretVariable(secret string) config.Variables {
	return config.Variables{"secret": config.StringVariable(secret)}
}

// planWithout fails when the plan, in its JSON form, holds any of the values.
type planWithout []string

func (values planWithout) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	raw, err := json.Marshal(req.Plan)
	if err != nil {
		resp.Error = err
		return
	}
	for _, v := range values {
		if strings.Contains(string(raw), v) {
			resp.Error = fmt.Errorf("the plan holds %q", v)
		}
	}
}

// stateWithout fails when the state, in its JSON form, holds any of the values.
type stateWithout []string

func (values stateWithout) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	raw, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	for _, v := range values {
		if strings.Contains(string(raw), v) {
			resp.Error = fmt.Errorf("the state holds %q", v)
		}
	}
}

func expectStatus(value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(testResource, tfjsonpath.New("hmac_secret_wo_status"), value)
}

// Without hmac_secret_wo_version, the digest decides when to write: a new value, or drift.
func TestAccCallbackConfiguration_writeOnly(t *testing.T) {
	env := newTestEnv(t, map[string]string{"project-1": "set-in-the-dashboard"})
	secrets := []string{"write-only-one", "write-only-two", "write-only-three"}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyVersions,
		ProtoV6ProviderFactories: env.factories,
		Steps: []resource.TestStep{
			{
				// Create: the secret reaches Sinch, and neither the plan nor the state holds it.
				PreConfig:       env.startCounting,
				Config:          env.config("", writeOnlyConfig(0)),
				ConfigVariables: secretVariable(secrets[0]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(testResource, tfjsonpath.New("hmac_secret"), knownvalue.Null()),
					plancheck.ExpectKnownValue(testResource, tfjsonpath.New("hmac_secret_wo"), knownvalue.Null()),
					planWithout(secrets),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateWithout(secrets),
					statecheck.ExpectKnownValue(testResource, tfjsonpath.New("hmac_secret"), knownvalue.Null()),
					expectStatus(knownvalue.StringExact("applied")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectSecretAtSinch("project-1", secrets[0]),
					env.expectRequests(sinchmock.Counts{Token: 1, Get: 2, Put: 1}),
				),
			},
			{
				// The same value again: nothing to do.
				Config:          env.config("", writeOnlyConfig(0)),
				ConfigVariables: secretVariable(secrets[0]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				// A new value is noticed through the digest and applied.
				PreConfig:       env.startCounting,
				Config:          env.config("", writeOnlyConfig(0)),
				ConfigVariables: secretVariable(secrets[1]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(testResource, tfjsonpath.New("hmac_secret_wo_status")),
					planWithout(secrets),
				}},
				ConfigStateChecks: []statecheck.StateCheck{stateWithout(secrets), expectStatus(knownvalue.StringExact("applied"))},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectSecretAtSinch("project-1", secrets[1]),
					env.expectRequests(sinchmock.Counts{Get: 1, Put: 1}),
				),
			},
			{
				// Someone changes the secret at Sinch: a refresh records the drift, without the secret.
				PreConfig:          func() { env.mock.SetSecret(sinchmock.SenderID, "project-1", "changed-behind-terraform") },
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(testResource, "hmac_secret_wo_status", "drifted"),
					resource.TestCheckNoResourceAttr(testResource, "hmac_secret"),
				),
			},
			{
				// ...and the next apply restores the configured secret.
				Config:          env.config("", writeOnlyConfig(0)),
				ConfigVariables: secretVariable(secrets[1]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testResource, tfjsonpath.New("hmac_secret_wo_status"), knownvalue.StringExact("applied")),
				}},
				Check: env.expectSecretAtSinch("project-1", secrets[1]),
			},
			{
				// Switching to hmac_secret stores the secret in state...
				Config: env.config("", resourceConfig("project-1", "plain-secret")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectSecretInState("plain-secret"),
					expectStatus(knownvalue.Null()),
				},
				Check: env.expectSecretAtSinch("project-1", "plain-secret"),
			},
			{
				// ...and switching back removes it, in place.
				Config:          env.config("", writeOnlyConfig(0)),
				ConfigVariables: secretVariable(secrets[2]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testResource, tfjsonpath.New("hmac_secret"), knownvalue.Null()),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateWithout(append(secrets, "plain-secret")),
					expectStatus(knownvalue.StringExact("applied")),
				},
				Check: env.expectSecretAtSinch("project-1", secrets[2]),
			},
		},
	})
}

// With hmac_secret_wo_version, the version decides when to write, as in HashiCorp's pattern for
// write-only arguments: the value may be made anew on every run (an ephemeral random password), and
// only a new version writes it.
func TestAccCallbackConfiguration_writeOnlyVersion(t *testing.T) {
	env := newTestEnv(t, map[string]string{"project-1": "set-in-the-dashboard"})
	step := func(version float64, secret string) resource.TestStep {
		return resource.TestStep{PreConfig: env.startCounting, Config: env.config("", writeOnlyConfig(version)), ConfigVariables: secretVariable(secret)}
	}
	create, newValue, newVersion, drift, sameAfterDrift, repair :=
		step(1, "random-run-1"), step(1, "random-run-2"), step(2.5, "random-run-3"), step(2.5, "random-run-4"), step(2.5, "random-run-5"), step(3, "random-run-6")

	create.Check = resource.ComposeAggregateTestCheckFunc(
		env.expectSecretAtSinch("project-1", "random-run-1"), env.expectRequests(sinchmock.Counts{Token: 1, Get: 2, Put: 1}))

	// A new value under the same version writes nothing.
	newValue.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	newValue.Check = resource.ComposeAggregateTestCheckFunc(
		env.expectSecretAtSinch("project-1", "random-run-1"), env.expectRequests(sinchmock.Counts{Get: 1}))

	// A new version writes the value of this run.
	newVersion.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(testResource, tfjsonpath.New("hmac_secret_wo_version"), knownvalue.Float64Exact(2.5)),
		plancheck.ExpectKnownValue(testResource, tfjsonpath.New("hmac_secret_wo_status"), knownvalue.StringExact("applied")),
	}}
	newVersion.Check = resource.ComposeAggregateTestCheckFunc(
		env.expectSecretAtSinch("project-1", "random-run-3"), env.expectRequests(sinchmock.Counts{Get: 1, Put: 1}))

	// Drift at Sinch is recorded, and not repaired with this run's value: that would set a secret that
	// nothing else received.
	drift.PreConfig = func() {
		env.startCounting()
		env.mock.SetSecret(sinchmock.SenderID, "project-1", "changed-behind-terraform")
	}
	drift.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	drift.ConfigStateChecks = []statecheck.StateCheck{expectStatus(knownvalue.StringExact("drifted"))}
	drift.Check = resource.ComposeAggregateTestCheckFunc(
		env.expectSecretAtSinch("project-1", "changed-behind-terraform"), env.expectRequests(sinchmock.Counts{Get: 1}))
	sameAfterDrift.ConfigPlanChecks = drift.ConfigPlanChecks
	sameAfterDrift.ConfigStateChecks = drift.ConfigStateChecks

	// A new version repairs it.
	repair.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(testResource, tfjsonpath.New("hmac_secret_wo_status"), knownvalue.StringExact("applied")),
	}}
	repair.ConfigStateChecks = []statecheck.StateCheck{expectStatus(knownvalue.StringExact("applied"))}
	repair.Check = env.expectSecretAtSinch("project-1", "random-run-6")

	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   writeOnlyVersions,
		ProtoV6ProviderFactories: env.factories,
		Steps:                    []resource.TestStep{create, newValue, newVersion, drift, sameAfterDrift, repair},
	})
}

func TestAccCallbackConfiguration_secretArgumentErrors(t *testing.T) {
	env := newTestEnv(t, map[string]string{"project-1": "old"})
	for name, tc := range map[string]struct{ hcl, want string }{
		"both": {`
resource "sinch_callback_configuration" "test" {
  project_id     = "project-1"
  hmac_secret    = "a"
  hmac_secret_wo = "b"
}`, `(?s)Conflicting secrets.*Set only one of hmac_secret_wo and hmac_secret`},
		"neither": {`
resource "sinch_callback_configuration" "test" {
  project_id = "project-1"
}`, `(?s)Missing secret.*Set hmac_secret_wo \(write-only, Terraform 1.11 and later`},
		"version without a write-only secret": {`
resource "sinch_callback_configuration" "test" {
  project_id             = "project-1"
  hmac_secret            = "a"
  hmac_secret_wo_version = 1
}`, `(?s)Attribute "hmac_secret_wo" must be specified when "hmac_secret_wo_version" is\s+specified`},
	} {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   writeOnlyVersions,
				ProtoV6ProviderFactories: env.factories,
				Steps:                    []resource.TestStep{{Config: env.config("", tc.hcl), ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
	if n := env.mock.Counts().Put; n != 0 {
		t.Errorf("an invalid configuration reached Sinch: %d PUT requests", n)
	}
}

// TestNewVersionWritesWithoutARefresh: with -refresh=false the state cannot see a secret changed at Sinch,
// and a new hmac_secret_wo_version is the way to send the secret again: it writes, although the state says
// that Sinch holds it.
func TestNewVersionWritesWithoutARefresh(t *testing.T) {
	mock := sinchmock.Start(sinchmock.Options{KeyID: testKeyID, KeySecret: testKeySecret, Projects: map[string]string{"project-1": "old"}})
	defer mock.Close()
	r := newCLIRun(t, mock)
	writeFile(t, filepath.Join(r.dir, "main.tf"), cliProviderBlock+`
variable "secret_version" {
  type = number
}

resource "sinch_callback_configuration" "this" {
  project_id             = "project-1"
  hmac_secret_wo         = var.secret
  hmac_secret_wo_version = var.secret_version
}
`)
	env := func(version string) []string {
		return []string{"SINCH_KEY_SECRET=" + testKeySecret, "TF_VAR_secret=configured-secret-0123456789", "TF_VAR_secret_version=" + version}
	}
	r.run(true, env("1"), "apply", "-auto-approve", "-input=false")
	mock.SetSecret(sinchmock.SenderID, "project-1", "changed-in-the-dashboard")
	puts := mock.Counts().Put
	r.run(true, env("2"), "apply", "-auto-approve", "-input=false", "-refresh=false")
	if got, _ := mock.Secret(sinchmock.SenderID, "project-1"); got != "configured-secret-0123456789" || mock.Counts().Put != puts+1 {
		t.Errorf("Sinch holds %q after %d PUT; want the configured secret, written once", got, mock.Counts().Put-puts)
	}
}
