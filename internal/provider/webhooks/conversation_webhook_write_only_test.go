package webhooks_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// webhookWriteOnlyHCL is a webhook whose secret and client secret are write-only, from ephemeral
// variables, with versions.
func webhookWriteOnlyHCL(scope string) string {
	return `
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "secret_version" {
  type = number
}

variable "client_secret_version" {
  type = number
}
` + webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"}, fmt.Sprintf(`
  secret_wo         = var.secret
  secret_wo_version = var.secret_version
  client_credentials = {
    client_id                = "client-1"
    endpoint                 = "https://auth.example/token"
    scope                    = %q
    client_secret_wo         = var.client_secret
    client_secret_wo_version = var.client_secret_version
  }`, scope))
}

func secretVariables(secret string, version int, clientSecret string, clientVersion int) config.Variables {
	return config.Variables{"secret": config.StringVariable(secret), "secret_version": config.IntegerVariable(version),
		"client_secret": config.StringVariable(clientSecret), "client_secret_version": config.IntegerVariable(clientVersion)}
}

// expectWebhookSecrets checks the secret and the client secret Sinch holds.
func expectWebhookSecrets(e *acctest.TestEnv, secret, clientSecret string) resource.TestCheckFunc {
	return expectWebhook(e, func(h sinchmock.Webhook) error {
		if h.Secret != secret || h.ClientCredentials == nil || h.ClientCredentials.ClientSecret != clientSecret {
			return fmt.Errorf("Sinch holds the secrets %q and %+v, want %q and %q", h.Secret, h.ClientCredentials, secret, clientSecret)
		}
		return nil
	})
}

func expectWebhookStatus(attribute, status string) statecheck.StateCheck {
	p := tfjsonpath.New(attribute)
	if attribute == "client_secret_wo_status" {
		p = tfjsonpath.New("client_credentials").AtMapKey(attribute)
	}
	return statecheck.ExpectKnownValue(testWebhook, p, knownvalue.StringExact(status))
}

// The write-only secret and client secret: never in the plan or the state; written on create and when
// their version changes, each in its own field of the mask; drift warned with a version, not repaired.
func TestAccConversationWebhook_writeOnly(t *testing.T) {
	env := webhookEnv(t)
	step := func(scope string, vars config.Variables) resource.TestStep {
		return resource.TestStep{PreConfig: env.StartCounting, Config: env.Config("", webhookWriteOnlyHCL(scope)), ConfigVariables: vars}
	}
	secrets := []string{"wo-secret-1-5e0c7d4b", "wo-client-1-1d2c3b4a", "wo-secret-2-9a8b7c6d", "wo-client-2-0f1e2d3c", "wo-secret-3-7c6b5a4f"}
	create := step("read", secretVariables(secrets[0], 1, secrets[1], 1))
	create.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{acctest.PlanWithout(secrets)}}
	create.ConfigStateChecks = []statecheck.StateCheck{acctest.StateWithout(secrets), expectWebhookStatus("secret_wo_status", "applied"),
		expectWebhookStatus("client_secret_wo_status", "applied")}
	create.Check = expectWebhookSecrets(env, secrets[0], secrets[1])

	// New values under the same versions: nothing to do.
	same := step("read", secretVariables(secrets[2], 1, secrets[3], 1))
	same.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	same.Check = resource.ComposeAggregateTestCheckFunc(expectWebhookSecrets(env, secrets[0], secrets[1]), env.ExpectRequests(sinchmock.Counts{Get: 1}))

	// A new version of the secret: the secret alone is written.
	secretVersion := step("read", secretVariables(secrets[2], 2, secrets[3], 1))
	secretVersion.Check = resource.ComposeAggregateTestCheckFunc(expectPatch(env, "secret"), expectWebhookSecrets(env, secrets[2], secrets[1]))

	// A new version of the client secret: client_credentials is written, with it.
	clientVersion := step("read", secretVariables(secrets[2], 2, secrets[3], 2))
	clientVersion.Check = resource.ComposeAggregateTestCheckFunc(expectPatch(env, "client_credentials"), expectWebhookSecrets(env, secrets[2], secrets[3]))

	// Drift of the secret at Sinch, with a version: recorded, not repaired with this run's value.
	drift := step("read", secretVariables(secrets[4], 2, secrets[3], 2))
	drift.PreConfig = func() {
		env.StartCounting()
		hook, _ := theWebhook(env)
		env.Mock.ChangeWebhook(hook.ID, func(h *sinchmock.Webhook) { h.Secret = "changed-in-the-dashboard" })
	}
	drift.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	drift.ConfigStateChecks = []statecheck.StateCheck{expectWebhookStatus("secret_wo_status", "drifted")}
	drift.Check = expectWebhookSecrets(env, "changed-in-the-dashboard", secrets[3])

	// A new version repairs it.
	repair := step("read", secretVariables(secrets[4], 3, secrets[3], 2))
	repair.ConfigStateChecks = []statecheck.StateCheck{expectWebhookStatus("secret_wo_status", "applied"), acctest.StateWithout(secrets)}
	repair.Check = resource.ComposeAggregateTestCheckFunc(expectPatch(env, "secret"), expectWebhookSecrets(env, secrets[4], secrets[3]))

	// A change of client_credentials sends the client secret with it: the one Sinch holds, which the
	// configuration still gives.
	scope := step("write", secretVariables(secrets[4], 3, secrets[3], 2))
	scope.Check = resource.ComposeAggregateTestCheckFunc(expectPatch(env, "client_credentials"), expectWebhookSecrets(env, secrets[4], secrets[3]),
		expectWebhook(env, func(h sinchmock.Webhook) error {
			if h.ClientCredentials.Scope != "write" {
				return fmt.Errorf("scope %q", h.ClientCredentials.Scope)
			}
			return nil
		}))

	// ...but not a new value under the same version: the plan fails, and nothing is sent.
	refused := step("admin", secretVariables(secrets[4], 3, "a-new-random-client-secret", 2))
	refused.ExpectError = acctest.ErrorLike("Client secret must be written with client_credentials", "Change client_credentials.client_secret_wo_version too")

	importWriteOnly := step("write", secretVariables(secrets[4], 3, secrets[3], 2))
	importWriteOnly.ResourceName = testWebhook
	importWriteOnly.ImportState = true
	importWriteOnly.ImportStateIdFunc = func(*terraform.State) (string, error) {
		h, err := theWebhook(env)
		return "project-1/" + h.ID + ":write-only", err
	}
	importWriteOnly.ImportStateCheck = func(states []*terraform.InstanceState) error {
		a := states[0].Attributes
		if a["secret_wo_status"] != "applied" || a["client_credentials.client_secret_wo_status"] != "applied" || a["secret"] != "" {
			return fmt.Errorf("imported %v", a)
		}
		for name, value := range a {
			for _, s := range append(secrets, "changed-in-the-dashboard") {
				if value == s {
					return fmt.Errorf("the imported %s holds a secret", name)
				}
			}
		}
		return nil
	}

	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.WriteOnlyVersions,
		ProtoV6ProviderFactories: env.Factories,
		Steps:                    []resource.TestStep{create, same, secretVersion, clientVersion, drift, repair, scope, refused, importWriteOnly},
	})
	if c := env.Mock.Counts(); c.Post != 1 {
		t.Errorf("%d POST", c.Post)
	}

}

// A new secret_wo_version writes the secret, even when the state says that Sinch holds it: with answers
// that hide secrets, the state cannot see a change made in the dashboard, and a new version is the only
// way to send the secret again. Removing the version writes nothing.
func TestAccConversationWebhook_newVersionWritesWhatSinchHides(t *testing.T) {
	env := webhookEnv(t, func(o *sinchmock.Options) { o.HideWebhookSecrets = true })
	config := func(version string) string {
		return env.Config("", webhookHCL("https://handler.example/callbacks", []string{"MESSAGE_DELIVERY"},
			`secret_wo = "webhook-secret-0123456789ab"`+version))
	}
	holds := func(want string) resource.TestCheckFunc {
		return expectWebhook(env, func(h sinchmock.Webhook) error {
			if h.Secret != want {
				return fmt.Errorf("Sinch holds %q, want %q", h.Secret, want)
			}
			return nil
		})
	}
	changedInTheDashboard := func() {
		hook, _ := theWebhook(env)
		env.Mock.ChangeWebhook(hook.ID, func(h *sinchmock.Webhook) { h.Secret = "changed-in-the-dashboard" })
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: config("\n  secret_wo_version = 1"), Check: holds("webhook-secret-0123456789ab")},
			{
				// Sinch answers no secret: the change in the dashboard cannot be seen.
				PreConfig:        changedInTheDashboard,
				Config:           config("\n  secret_wo_version = 1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				PreConfig: env.StartCounting,
				Config:    config("\n  secret_wo_version = 2"),
				Check:     resource.ComposeAggregateTestCheckFunc(expectPatch(env, "secret"), holds("webhook-secret-0123456789ab")),
			},
			{
				PreConfig: func() { changedInTheDashboard(); env.StartCounting() },
				Config:    config(""),
				Check:     resource.ComposeAggregateTestCheckFunc(expectPatch(env, ""), holds("changed-in-the-dashboard")),
			},
		},
	})
}
