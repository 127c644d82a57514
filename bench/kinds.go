package main

import (
	"fmt"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// kind is what a part of the benchmark measures: N resources of one type of the provider, against the
// same N of the no-op provider with that type's schema and N terraform_data.
type kind struct {
	name string
	// sinchType and noopType are the resource types of the Sinch and no-op providers.
	sinchType, noopType string
	steps               []step
	// arguments are the resource's arguments in HCL, for the resource of key each.key (the resource's
	// number: 0000, 0001, …), whose secret is var.secret.
	arguments string
	// want is what the mock must serve at each step, of the API requests (tokens aside), besides the reads
	// of a wait for Sinch's provisioning (see polls).
	want func(n int) []sinchmock.Counts
	// provisioning is how long the mock takes to provision a number's link (T), and waits names the steps
	// whose every resource waits that long; a wait reads the number polls[0] to polls[1] times. The ideal
	// bound of such a step counts ⌈N / parallelism⌉ × T: Terraform applies parallelism resources at once.
	provisioning time.Duration
	waits        map[string]bool
	polls        [2]int
	// allAtOnce runs the kind's steps with Terraform's -parallelism at N at the least, as the docs advise
	// for a fleet of numbers: every resource's wait then runs side by side, and a step takes about T.
	allAtOnce bool
	// mockArgs are the mock's flags for N resources, beside those of every kind.
	mockArgs func(n int) []string
}

// step is one Terraform command of the benchmark.
type step struct {
	name   string
	args   []string
	secret string
}

var kinds = []kind{
	{
		name: "callback configurations", sinchType: "sinch_callback_configuration", noopType: "noop_config",
		steps: []step{
			{"apply: create N", []string{"apply", "-auto-approve"}, "one"},
			{"plan: no change", []string{"plan", "-detailed-exitcode"}, "one"},
			{"apply: change every secret", []string{"apply", "-auto-approve"}, "two"},
			{"destroy", []string{"destroy", "-auto-approve"}, "two"},
		},
		arguments: `
  project_id  = "project-${each.key}"
  hmac_secret = "${var.secret}-${each.key}"`,
		// Create reads the secret Sinch holds at plan time (in the plan, and again in apply's final plan),
		// to warn when it replaces one, then writes, and reads nothing after; a plan reads; destroy leaves
		// the secrets.
		want: func(n int) []sinchmock.Counts {
			return []sinchmock.Counts{{Get: 2 * n, Put: n}, {Get: n}, {Get: n, Put: n}, {Get: n}}
		},
	},
	{
		name: "Conversation API webhooks", sinchType: "sinch_conversation_webhook", noopType: "noop_webhook",
		steps: []step{
			{"apply: create N", []string{"apply", "-auto-approve"}, "one"},
			{"plan: no change", []string{"plan", "-detailed-exitcode"}, "one"},
			{"apply: change every secret", []string{"apply", "-auto-approve"}, "two"},
			{"destroy", []string{"destroy", "-auto-approve"}, "two"},
		},
		// At most 5 webhooks per app: the N webhooks go to N/5 apps of the mock's first project.
		arguments: `
  project_id = "demo-project"
  app_id     = format("app-%04d", floor(tonumber(each.key) / 5))
  target     = "https://handler.example/${each.key}"
  triggers   = ["MESSAGE_DELIVERY", "MESSAGE_INBOUND"]
  secret     = "${var.secret}-${each.key}"`,
		// A create lists its app's webhooks before its POST: what proves a webhook new, if the answer to
		// the POST is lost.
		want: func(n int) []sinchmock.Counts {
			return []sinchmock.Counts{{Get: n, Post: n}, {Get: n}, {Get: n, Patch: n}, {Get: n, Delete: n}}
		},
	},
	{
		name: "Provisioning API webhooks", sinchType: "sinch_provisioning_webhook", noopType: "noop_provisioning_webhook",
		steps: []step{
			{"apply: create N", []string{"apply", "-auto-approve"}, "one"},
			{"plan: no change", []string{"plan", "-detailed-exitcode"}, "one"},
			{"apply: change every secret", []string{"apply", "-auto-approve"}, "two"},
			{"destroy", []string{"destroy", "-auto-approve"}, "two"},
		},
		// At most 15 webhooks per project: the N webhooks go to N/15 of the mock's projects.
		arguments: `
  project_id = format("project-%04d", floor(tonumber(each.key) / 15))
  target     = "https://handler.example/${each.key}"
  triggers   = ["WHATSAPP_SENDER_ACTIVE", "WHATSAPP_TEMPLATE_APPROVED"]
  secret     = "${var.secret}-${each.key}"`,
		// A create lists its project's webhooks (one page of at most 15) before its POST: what proves a
		// webhook new, if the answer to the POST is lost.
		want: func(n int) []sinchmock.Counts {
			return []sinchmock.Counts{{Get: n, Post: n}, {Get: n}, {Get: n, Patch: n}, {Get: n, Delete: n}}
		},
	},
	activeNumbers,
}

// numberProvisioning is how long the mock takes to provision a number's link in the benchmark.
const numberProvisioning = 2 * time.Second

// activeNumbers is the kind of the rented numbers: N numbers of the mock's first project, each linked to a
// Voice app, whose provisioning takes numberProvisioning.
var activeNumbers = kind{
	name: "active numbers", sinchType: "sinch_active_number", noopType: "noop_active_number",
	steps: []step{
		{"apply: configure N", []string{"apply", "-auto-approve"}, "one"},
		{"plan: no change", []string{"plan", "-detailed-exitcode"}, "one"},
		{"apply: change every Voice app", []string{"apply", "-auto-approve"}, "two"},
		{"destroy", []string{"destroy", "-auto-approve"}, "two"},
	},
	arguments: `
  project_id          = "demo-project"
  phone_number        = format("+1202555%04d", 1000 + tonumber(each.key))
  voice_configuration = { type = "RTC", app_id = "app-${var.secret}" }`,
	// A create reads the number (one the project must rent) and sends one PATCH; a change sends one PATCH
	// after the refresh's read; both then read the number until Sinch has provisioned the link. With T =
	// 2 s, the provider's backoff (100 ms, then × 1.1, ± 10 %) reads it about 12 times, fewer when the
	// machine is busy with a thousand at once; at least twice (under way, then done). A plan and a
	// destroy read each number once, and the destroy sends nothing.
	want: func(n int) []sinchmock.Counts {
		return []sinchmock.Counts{{Get: n, Patch: n}, {Get: n}, {Get: n, Patch: n}, {Get: n}}
	},
	provisioning: numberProvisioning,
	allAtOnce:    true,
	waits:        map[string]bool{"apply: configure N": true, "apply: change every Voice app": true},
	polls:        [2]int{2, 15},
	mockArgs: func(n int) []string {
		return []string{"-number-count", fmt.Sprint(n), "-number-provisioning-time", numberProvisioning.String()}
	},
}

// parallelism is Terraform's -parallelism for the kind's steps at N resources: the benchmark's, or N
// where the kind runs all at once.
func (k kind) parallelism(opts options, n int) int {
	if k.allAtOnce {
		return max(opts.parallelism, n)
	}
	return opts.parallelism
}

// appsOf is how many apps N webhooks need, at most 5 on each.
func appsOf(n int) int { return (n + sinchmock.MaxWebhooksPerApp - 1) / sinchmock.MaxWebhooksPerApp }
