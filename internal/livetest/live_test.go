//go:build live

package livetest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// holds fails unless the API holds secret for the project.
func holds(t *testing.T, api sinchapi.CallbackAPI, secret string) {
	t.Helper()
	got, err := live.apis[api.Key].Get(context.Background(), live.project)
	if err != nil || got.HMACSecret != secret {
		t.Fatalf("the %s API does not hold the secret the step set (%v)", api.Name, err)
	}
}

// Every callback configuration type, each in its two forms: set (write-only, with a version), no
// change, a new version, an import in write-only form that writes nothing, the plaintext form, its data
// source and ephemeral resource, an import by project ID, and destroy (which leaves the secret).
func TestLive_callbackConfigurations(t *testing.T) {
	for _, api := range sinchapi.CallbackAPIs {
		t.Run(api.TypeName, func(t *testing.T) {
			c := newCLI(t)
			typ := "sinch_" + api.TypeName
			writeOnly := fmt.Sprintf(`
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "secret_version" {
  type = number
}

resource %q "this" {
  hmac_secret_wo         = var.secret
  hmac_secret_wo_version = var.secret_version
}
`, typ)
			first, second, third := "live-"+randomHex(16), "live-"+randomHex(16), "live-"+randomHex(16)
			c.write(writeOnly)
			c.run([]string{"TF_VAR_secret=" + first, "TF_VAR_secret_version=1"}, "apply", "-auto-approve")
			holds(t, api, first)
			c.run([]string{"TF_VAR_secret=" + second, "TF_VAR_secret_version=1"}, "plan", "-detailed-exitcode")
			c.run([]string{"TF_VAR_secret=" + second, "TF_VAR_secret_version=2"}, "apply", "-auto-approve")
			holds(t, api, second)
			failIfAsked(t)

			c.run(nil, "state", "rm", typ+".this")
			c.run([]string{"TF_VAR_secret=" + second, "TF_VAR_secret_version=2"}, "import", typ+".this", live.project+":write-only")
			// The version is new to the state, and the secret is the one Sinch holds: nothing is written.
			c.run([]string{"TF_VAR_secret=" + second, "TF_VAR_secret_version=2"}, "apply", "-auto-approve")
			holds(t, api, second)

			c.write(fmt.Sprintf(`
variable "plain" {
  type      = string
  sensitive = true
}

resource %[1]q "this" {
  hmac_secret = var.plain
}

data %[1]q "read" {
  depends_on = [%[1]s.this]
}

output "read_back" {
  value = nonsensitive(data.%[1]s.read.hmac_secret == var.plain)
}
`, typ))
			plain := []string{"TF_VAR_plain=" + third}
			c.run(plain, "apply", "-auto-approve")
			holds(t, api, third)
			if out := c.run(plain, "output", "read_back"); strings.TrimSpace(out) != "true" {
				t.Errorf("the data source did not read the secret back: %s", out)
			}
			c.run(plain, "state", "rm", typ+".this")
			c.run(plain, "import", typ+".this", live.project)
			c.run(plain, "plan", "-detailed-exitcode")
			c.run(plain, "destroy", "-auto-approve")
			holds(t, api, third)
		})
	}
}

// A Conversation API webhook: create, no change, a new target and triggers, the data sources and the
// ephemeral resource, an import in write-only form, destroy.
func TestLive_conversationWebhook(t *testing.T) {
	c := newCLI(t)
	config := func(target, triggers string) string {
		return fmt.Sprintf(`
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_conversation_webhook" "this" {
  app_id            = %[1]q
  target            = %[2]q
  triggers          = %[3]s
  secret_wo         = var.secret
  secret_wo_version = 1
}

data "sinch_conversation_webhooks" "app" {
  app_id     = %[1]q
  depends_on = [sinch_conversation_webhook.this]
}

ephemeral "sinch_conversation_webhook" "this" {
  id = sinch_conversation_webhook.this.id
}

output "listed" {
  value = contains([for w in data.sinch_conversation_webhooks.app.webhooks : w.id], sinch_conversation_webhook.this.id)
}

output "id" {
  value = sinch_conversation_webhook.this.id
}
`, live.appID, target, triggers)
	}
	env := []string{"TF_VAR_secret=live-" + randomHex(16)}
	c.write(config(live.targetPrefix+"first", `["MESSAGE_DELIVERY"]`))
	c.run(env, "apply", "-auto-approve")
	if out := c.run(env, "output", "listed"); strings.TrimSpace(out) != "true" {
		t.Fatalf("the webhook made is not among the app's: %s", out)
	}
	c.run(env, "plan", "-detailed-exitcode")
	c.write(config(live.targetPrefix+"second", `["MESSAGE_DELIVERY", "MESSAGE_INBOUND"]`))
	c.run(env, "apply", "-auto-approve")
	id := strings.Trim(strings.TrimSpace(c.run(env, "output", "id")), `"`)
	hook, err := live.webhooks.Get(context.Background(), live.project, live.appID, id)
	if err != nil || hook.Target != live.targetPrefix+"second" || len(hook.Triggers) != 2 {
		t.Fatalf("Sinch holds %v (%v)", hook, err)
	}
	c.run(env, "state", "rm", "sinch_conversation_webhook.this")
	c.run(env, "import", "sinch_conversation_webhook.this", live.project+"/"+id+":write-only")
	c.run(env, "apply", "-auto-approve")
	c.run(env, "destroy", "-auto-approve")
	if _, err := live.webhooks.Get(context.Background(), live.project, live.appID, id); err == nil {
		t.Errorf("webhook %s is still there after destroy", id)
	}
}

// failIfAsked fails the test here, after it changed a secret, when SINCH_LIVE_FAIL_AFTER_CHANGE is set:
// `make testacc-live-mock` checks with it that a failed run puts the project back too.
func failIfAsked(t *testing.T) {
	if os.Getenv("SINCH_LIVE_FAIL_AFTER_CHANGE") != "" {
		t.Fatal("failed on purpose (SINCH_LIVE_FAIL_AFTER_CHANGE), after changing a secret")
	}
}

// A Provisioning API webhook: create, no change, a new target and triggers, the data sources, a new
// version that writes the secret again, an import in write-only form (whose apply writes the secret,
// which Sinch never answers), destroy.
func TestLive_provisioningWebhook(t *testing.T) {
	c := newCLI(t)
	config := func(target, triggers string, version int) string {
		return fmt.Sprintf(`
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_provisioning_webhook" "this" {
  target            = %[1]q
  triggers          = %[2]s
  secret_wo         = var.secret
  secret_wo_version = %[3]d
}

data "sinch_provisioning_webhooks" "project" {
  depends_on = [sinch_provisioning_webhook.this]
}

data "sinch_provisioning_webhook" "this" {
  id = sinch_provisioning_webhook.this.id
}

output "listed" {
  value = contains([for w in data.sinch_provisioning_webhooks.project.webhooks : w.id], sinch_provisioning_webhook.this.id)
}

output "id" {
  value = sinch_provisioning_webhook.this.id
}
`, target, triggers, version)
	}
	env := []string{"TF_VAR_secret=live-" + randomHex(16)}
	c.write(config(live.targetPrefix+"onboarding", `["WHATSAPP_SENDER_ACTIVE"]`, 1))
	c.run(env, "apply", "-auto-approve")
	if out := c.run(env, "output", "listed"); strings.TrimSpace(out) != "true" {
		t.Fatalf("the webhook made is not among the project's: %s", out)
	}
	c.run(env, "plan", "-detailed-exitcode")
	c.write(config(live.targetPrefix+"onboarding-2", `["WHATSAPP_SENDER_ACTIVE", "WHATSAPP_TEMPLATE_APPROVED"]`, 2))
	c.run(env, "apply", "-auto-approve")
	id := strings.Trim(strings.TrimSpace(c.run(env, "output", "id")), `"`)
	hook, err := live.provisioning.Get(context.Background(), live.project, "", id)
	if err != nil || hook.Target != live.targetPrefix+"onboarding-2" || len(hook.Triggers) != 2 {
		t.Fatalf("Sinch holds %v (%v)", hook, err)
	}
	c.run(env, "state", "rm", "sinch_provisioning_webhook.this")
	c.run(env, "import", "sinch_provisioning_webhook.this", live.project+"/"+id+":write-only")
	c.run(env, "apply", "-auto-approve")
	c.run(env, "plan", "-detailed-exitcode")
	c.run(env, "destroy", "-auto-approve")
	if _, err := live.provisioning.Get(context.Background(), live.project, "", id); err == nil {
		t.Errorf("webhook %s is still there after destroy", id)
	}
}

// The app's secret for overridden callback URLs: set (write-only), no change, a new version, the data
// source, an import in write-only form that writes nothing, destroy (which leaves the secret).
func TestLive_appCallbackSettings(t *testing.T) {
	c := newCLI(t)
	config := func(version int) string {
		return fmt.Sprintf(`
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_conversation_app_callback_settings" "this" {
  app_id            = %[1]q
  secret_wo         = var.secret
  secret_wo_version = %[2]d
}
`, live.appID, version)
	}
	holdsAppSecret := func(secret string) {
		t.Helper()
		got, err := live.app.Get(context.Background(), live.project, live.appID)
		if err != nil || got.Secret != nil && *got.Secret != secret {
			t.Fatalf("app %s does not hold the secret the step set (%v)", live.appID, err)
		}
	}
	first, second := "live-"+randomHex(16), "live-"+randomHex(16)
	c.write(config(1))
	c.run([]string{"TF_VAR_secret=" + first}, "apply", "-auto-approve")
	holdsAppSecret(first)
	c.run([]string{"TF_VAR_secret=" + second}, "plan", "-detailed-exitcode")
	c.run([]string{"TF_VAR_secret=" + second}, "apply", "-auto-approve")
	holdsAppSecret(first)
	c.write(config(2))
	c.run([]string{"TF_VAR_secret=" + second}, "apply", "-auto-approve")
	holdsAppSecret(second)
	c.run([]string{"TF_VAR_secret=" + second}, "state", "rm", "sinch_conversation_app_callback_settings.this")
	c.run([]string{"TF_VAR_secret=" + second}, "import", "sinch_conversation_app_callback_settings.this", live.project+"/"+live.appID+":write-only")
	c.run([]string{"TF_VAR_secret=" + second}, "apply", "-auto-approve")
	c.run([]string{"TF_VAR_secret=" + second}, "destroy", "-auto-approve")
	holdsAppSecret(second)
}
