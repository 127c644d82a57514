package webhooks

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/testcallback"
)

var _ action.ActionWithConfigure = &SendTestWebhookAction{}

// SendTestWebhookAction sends a Conversation API webhook's target a test callback signed with the
// webhook's secret, as Sinch would, and a forged one (see testcallback.Test).
type SendTestWebhookAction struct {
	data *shared.ProviderData
}

// NewSendTestWebhookAction returns the action sinch_send_test_webhook.
func NewSendTestWebhookAction() action.Action { return &SendTestWebhookAction{} }

// defaultTestTrigger is the trigger of the sample (attrTrigger, as a list block's filter) when the configuration names none.
const defaultTestTrigger = "MESSAGE_DELIVERY"

func (a *SendTestWebhookAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_send_test_webhook"
}

func (a *SendTestWebhookAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	attributes := map[string]schema.Attribute{
		shared.AttrProjectID: schema.StringAttribute{MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
			Optional: true, Validators: []validator.String{shared.ProjectIDValidator}},
		attrWebhookID: schema.StringAttribute{MarkdownDescription: "The ID of the Conversation API webhook whose target to test.",
			Required: true, Validators: []validator.String{shared.StringCheck(checkWebhookID, "a webhook ID")}},
		attrTrigger: schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("The trigger whose sample callback to send: %s. Defaults to `%s`.",
				strings.Join(backquoted(testcallback.ConversationTriggers), " or "), defaultTestTrigger),
			Optional: true, Validators: []validator.String{shared.StringCheck(checkTestTrigger, "a trigger with a sample callback")}},
	}
	maps.Copy(attributes, testcallback.Attributes(testcallback.WebhookSignatureHeader))
	resp.Schema = schema.Schema{
		MarkdownDescription: "Sends a **Conversation API webhook**'s target a test callback, as Sinch sends one: it reads " +
			"the webhook from Sinch (its target, secret and client credentials), signs a sample callback of `trigger` with " +
			"the webhook's secret (`x-sinch-webhook-signature`, with a fresh nonce and the current timestamp), with a bearer " +
			"token from the webhook's token endpoint when it has client credentials, and fails unless the target accepts " +
			"it (2xx); then it sends the same callback with a wrong signature, and fails unless the target refuses it " +
			"(4xx). Needs Terraform 1.14 or later. It calls `GET /v1/projects/{project_id}/webhooks/{webhook_id}`.",
		Attributes: attributes,
	}
}

func (a *SendTestWebhookAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (a *SendTestWebhookAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	diags := &resp.Diagnostics
	trigger := shared.GetString(ctx, req.Config, attrTrigger, diags).ValueString()
	if trigger == "" {
		trigger = defaultTestTrigger
	}
	options := testcallback.OptionsFrom(ctx, req.Config, diags)
	webhookID := shared.GetString(ctx, req.Config, attrWebhookID, diags).ValueString()
	if diags.HasError() {
		return
	}
	testcallback.ProgressOf(resp)(fmt.Sprintf("Reading webhook %q from Sinch: its target, secret and client credentials", webhookID))
	projectID, hook, ok := readWebhookNamedBy(ctx, conversation, a.data, req.Config, attrWebhookID, diags)
	if !ok {
		return
	}
	subject := fmt.Sprintf("webhook %q of project %q", hook.ID, projectID)
	secret, credentials := testableWebhook(subject, hook, diags)
	if diags.HasError() {
		return
	}
	if !slices.Contains(hook.Triggers, trigger) {
		diags.AddAttributeWarning(path.Root(attrTrigger), "Trigger not among the webhook's", fmt.Sprintf(
			"The test sends a %s callback, but %s has the triggers %s: Sinch sends it no %s callbacks. The test says "+
				"whether the handler checks signatures all the same.", trigger, subject, quotedAll(hook.Triggers), trigger))
	}
	body, _ := testcallback.ConversationSample(trigger, projectID, hook.AppID, time.Now())
	testcallback.Test{
		Target: hook.Target, TargetIs: "the target of " + subject, Event: trigger, Body: body,
		Scheme: testcallback.WebhookSignatureScheme, Secret: secret, SecretIs: "the webhook's secret",
		Credentials: credentials, Options: options,
	}.Invoke(ctx, a.data, resp)
}

// testableWebhook is what a test needs of a webhook: its secret, and its client credentials if it has
// them; after adding an error, when Sinch did not answer them, or the webhook has none, or its events
// are dropped.
func testableWebhook(subject string, hook *client.Webhook, diags *diag.Diagnostics) (string, *testcallback.Credentials) {
	switch {
	case hook.TargetType == "DISMISS":
		diags.AddError("Webhook's callbacks dismissed", fmt.Sprintf(
			"%s has target_type DISMISS: Sinch drops its events and sends its target nothing, so there is no handler to "+
				"test. Set target_type to HTTP to have Sinch send its callbacks.", subject))
		return "", nil
	case hook.Secret == nil:
		diags.AddError("Sinch did not answer the webhook's secret", fmt.Sprintf(
			"Sinch's answer for %s does not say its secret, so the test cannot sign a callback as Sinch does, and an "+
				"action cannot take a secret from the configuration. Test the handler with a callback of your own, signed "+
				"with the function provider::sinch::conversation_webhook_signature and the secret you gave the webhook.", subject))
		return "", nil
	case *hook.Secret == "":
		diags.AddError("Webhook without a secret", fmt.Sprintf(
			"%s has no secret, so Sinch sends its callbacks unsigned and no handler can tell them from forged ones. Give "+
				"the webhook a secret (secret_wo or secret of sinch_conversation_webhook), make the handler check "+
				"x-sinch-webhook-signature with it, and run the test again.", subject))
		return "", nil
	}
	c := hook.ClientCredentials
	if c == nil {
		return *hook.Secret, nil
	}
	if c.ClientSecret == nil {
		diags.AddError("Sinch did not answer the webhook's client secret", fmt.Sprintf(
			"%s has client credentials, but Sinch's answer does not say their client secret, so the test cannot fetch the "+
				"token that Sinch sends with its callbacks, and an action cannot take a secret from the configuration. Test "+
				"the handler with a callback of your own.", subject))
		return "", nil
	}
	return *hook.Secret, &testcallback.Credentials{ClientID: c.ClientID, ClientSecret: *c.ClientSecret, Endpoint: c.Endpoint,
		Scope: c.Scope, ResponseType: c.ResponseType, TokenRequestType: c.TokenRequestType}
}

// checkTestTrigger accepts a trigger that has a sample callback.
func checkTestTrigger(trigger string) error {
	if !slices.Contains(testcallback.ConversationTriggers, trigger) {
		return fmt.Errorf("there is no sample callback of the trigger %q: the test can send %s", trigger,
			strings.Join(testcallback.ConversationTriggers, " or "))
	}
	return nil
}

// backquoted puts each value in backquotes, for Markdown.
func backquoted(values []string) []string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = "`" + v + "`"
	}
	return q
}
