package webhooks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// client_credentials decided at apply: by a condition on another resource's output, with a client_id
// from another one, both known only after apply in a run that replaces them. Unknown means "decided at
// apply", as for every other argument.
const credentialsDecidedAtApply = `
variable "oauth" {
  type = bool
}

variable "generation" {
  type = number
}

variable "client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "terraform_data" "client" {
  input            = "client-1"
  triggers_replace = var.generation
}

resource "terraform_data" "oauth" {
  input            = var.oauth
  triggers_replace = var.generation
}

resource "sinch_conversation_webhook" "test" {
  project_id = "project-1"
  app_id     = "app-1"
  target     = "https://handler.example/callbacks"
  triggers   = ["MESSAGE_DELIVERY"]
  secret     = "webhook-secret-0123456789ab"
  client_credentials = terraform_data.oauth.output ? {
    client_id                = terraform_data.client.output
    endpoint                 = "https://auth.example/token"
    client_secret_wo         = var.client_secret
    client_secret_wo_version = 1
  } : null
}`

func TestAccConversationWebhook_clientCredentialsDecidedAtApply(t *testing.T) {
	env := webhookEnv(t)
	variables := func(oauth bool, generation int) config.Variables {
		return config.Variables{"oauth": config.BoolVariable(oauth), "generation": config.IntegerVariable(generation),
			"client_secret": config.StringVariable("client-secret-0123456789")}
	}
	step := func(oauth bool, generation int, check func(sinchmock.Webhook) error) resource.TestStep {
		return resource.TestStep{
			Config:          env.Config("", credentialsDecidedAtApply),
			ConfigVariables: variables(oauth, generation),
			Check:           expectWebhook(env, check),
		}
	}
	withCredentials := func(h sinchmock.Webhook) error {
		if c := h.ClientCredentials; c == nil || c.ClientID != "client-1" || c.ClientSecret != "client-secret-0123456789" {
			return fmt.Errorf("Sinch holds %+v", h.ClientCredentials)
		}
		return nil
	}
	without := func(h sinchmock.Webhook) error {
		if h.ClientCredentials != nil {
			return fmt.Errorf("Sinch holds %+v", *h.ClientCredentials)
		}
		return nil
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			// Created with client credentials whose client_id is known only after apply.
			step(true, 1, withCredentials),
			{
				Config:           env.Config("", credentialsDecidedAtApply),
				ConfigVariables:  variables(true, 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// Updated with client credentials known only after apply: the same ones, sent again.
			{
				Config:          env.Config("", credentialsDecidedAtApply),
				ConfigVariables: variables(true, 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testWebhook, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(testWebhook, tfjsonpath.New("client_credentials")),
				}},
				Check: expectWebhook(env, withCredentials),
			},
			step(false, 3, without),
			step(true, 4, withCredentials),
		},
	})
}

// webhookProjectFromAResource takes project_id from a terraform_data that each generation replaces, so
// that a new generation makes project_id known only after apply. The secret is write-only, with a version
// that never changes: a value made anew on every run.
const webhookProjectFromAResource = `
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "project" {
  type = string
}

variable "generation" {
  type = number
}

resource "terraform_data" "project" {
  input            = var.project
  triggers_replace = var.generation
}

resource "sinch_conversation_webhook" "test" {
  project_id        = terraform_data.project.output
  app_id            = "app-1"
  target            = "https://handler.example/callbacks"
  triggers          = ["MESSAGE_DELIVERY"]
  secret_wo         = var.secret
  secret_wo_version = 1
}`

// A project known only at apply does not replace the webhook: when it turns out to be the same project,
// nothing is sent (and no new random secret reaches Sinch); when it is another one, the apply's final plan
// fails and changes nothing, as the webhook's app lives in its project. Known at plan, another project
// with the same app is refused at plan.
func TestAccConversationWebhook_projectKnownOnlyAtApply(t *testing.T) {
	env := webhookEnv(t, func(o *sinchmock.Options) { o.Projects["project-2"] = "s" })
	variables := func(project string, generation int, secret string) config.Variables {
		return config.Variables{"secret": config.StringVariable(secret), "project": config.StringVariable(project),
			"generation": config.IntegerVariable(generation)}
	}
	var id string
	keepsItsID := func(h sinchmock.Webhook) error {
		if id == "" {
			id = h.ID
		}
		if h.ID != id || h.ProjectID != "project-1" || h.Secret != "first-random-secret-0123456789" {
			return fmt.Errorf("Sinch holds %+v, want webhook %s of project-1 with the first secret", h, id)
		}
		return nil
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				Config:          env.Config("", webhookProjectFromAResource),
				ConfigVariables: variables("project-1", 1, "first-random-secret-0123456789"),
				Check:           expectWebhook(env, keepsItsID),
			},
			{
				// The same project, known only at apply: an update, which sends nothing.
				PreConfig:       env.StartCounting,
				Config:          env.Config("", webhookProjectFromAResource),
				ConfigVariables: variables("project-1", 2, "second-random-secret-0123456789"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testWebhook, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(testWebhook, tfjsonpath.New("project_id")),
					plancheck.ExpectKnownValue(testWebhook, tfjsonpath.New("id"), knownvalue.NotNull()),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(expectWebhook(env, keepsItsID),
					env.ExpectRequests(sinchmock.Counts{Get: 1})),
			},
			{
				// Another project, known only at apply: refused by the apply's final plan, nothing changed.
				PreConfig:       env.StartCounting,
				Config:          env.Config("", webhookProjectFromAResource),
				ConfigVariables: variables("project-2", 3, "third-random-secret-0123456789"),
				ExpectError:     regexpOf(`(?s)An app cannot move to another project.*project_id is "project-2", but the\s+webhook belongs to app "app-1"`),
			},
			{
				PreConfig:       env.StartCounting,
				Config:          env.Config("", webhookProjectFromAResource),
				ConfigVariables: variables("project-1", 4, "fourth-random-secret-0123456789"),
				Check: resource.ComposeAggregateTestCheckFunc(expectWebhook(env, keepsItsID),
					env.ExpectRequests(sinchmock.Counts{Get: 1})),
			},
			{
				// Known at plan: refused at plan.
				Config:          env.Config("", strings.Replace(webhookProjectFromAResource, "terraform_data.project.output", `"project-2"`, 1)),
				ConfigVariables: variables("project-1", 4, "fourth-random-secret-0123456789"),
				PlanOnly:        true,
				ExpectError:     regexpOf(`An app cannot move to another project`),
			},
		},
	})
}
