package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

var (
	_ resource.ResourceWithConfigure        = &ConversationWebhookResource{}
	_ resource.ResourceWithModifyPlan       = &ConversationWebhookResource{}
	_ resource.ResourceWithImportState      = &ConversationWebhookResource{}
	_ resource.ResourceWithConfigValidators = &ConversationWebhookResource{}
	_ resource.ResourceWithIdentity         = &ConversationWebhookResource{}
)

// attrWebhookID is the identity's name of the webhook's ID.
const attrWebhookID = "webhook_id"

// ConversationWebhookResource manages a Conversation API webhook: a real create and delete, unlike the
// callback configurations.
type ConversationWebhookResource struct {
	data *providerData
}

// NewConversationWebhookResource returns the resource sinch_conversation_webhook.
func NewConversationWebhookResource() resource.Resource { return &ConversationWebhookResource{} }

func (r *ConversationWebhookResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_webhook"
	// write_only follows the form of the secrets: see identity.go.
	resp.ResourceBehavior = resource.ResourceBehavior{MutableIdentity: true}
}

// IdentitySchema is project_id, webhook_id, and write_only (see identity.go).
func (r *ConversationWebhookResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(map[string]identityschema.Attribute{
		attrWebhookID: identityschema.StringAttribute{RequiredForImport: true, Description: "The webhook's ID."},
	})
}

// save makes the new state of a view, and its identity: the webhook, and whether its secrets are
// write-only.
func (r *ConversationWebhookResource) save(ctx context.Context, state *view, to *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if diags.HasError() {
		return
	}
	to.Raw = state.value()
	writeOnly := !getStringAt(ctx, state, webhookSecret.status(), diags).IsNull() || !getStringAt(ctx, state, clientSecret.status(), diags).IsNull()
	setIdentity(ctx, identity, map[string]any{attrProjectID: getString(ctx, state, attrProjectID, diags),
		attrWebhookID: getString(ctx, state, attrID, diags), identityWriteOnly: writeOnly}, diags)
}

func (r *ConversationWebhookResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = conversationWebhookSchema()
}

func (r *ConversationWebhookResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{secretForms{secret: webhookSecret}, secretForms{secret: clientSecret, required: true}}
}

func (r *ConversationWebhookResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// webhookSubject is a webhook, for diagnostics.
func webhookSubject(projectID, webhookID, appID string) callSubject {
	what := fmt.Sprintf("webhook %q of Sinch project %q", webhookID, projectID)
	if webhookID == "" {
		what = fmt.Sprintf("a webhook of app %q of Sinch project %q", appID, projectID)
	}
	return callSubject{what: what, kind: "webhook", projectID: projectID,
		missing: fmt.Sprintf("webhook %q", webhookID), checkMissing: "Check the webhook ID, and project_id.",
		api: "Conversation", defaultURL: conversationURL(defaultConversationRegion, ""), urlSetting: "conversation_api_url"}
}

// webhookOf is the webhook a plan describes, as the client takes it, with the secrets of the
// configuration (write-only ones are in the configuration only).
func webhookOf(ctx context.Context, plan, config attributeGetter, diags *diag.Diagnostics) client.Webhook {
	hook := client.Webhook{
		ID:         getString(ctx, plan, attrID, diags).ValueString(),
		AppID:      getString(ctx, plan, attrAppID, diags).ValueString(),
		Target:     getString(ctx, plan, attrTarget, diags).ValueString(),
		TargetType: getString(ctx, plan, attrTargetType, diags).ValueString(),
		Triggers:   getStrings(ctx, plan, path.Root(attrTriggers), diags),
	}
	if secret, _ := webhookSecret.configured(ctx, config, diags); !secret.IsNull() {
		hook.Secret = secret.ValueStringPointer()
	}
	if clientSecret.present(ctx, plan, diags) {
		at := func(name string) string {
			return getStringAt(ctx, plan, path.Root(attrClientCredentials).AtName(name), diags).ValueString()
		}
		secret, _ := clientSecret.configured(ctx, config, diags)
		hook.ClientCredentials = &client.ClientCredentials{ClientID: at(attrClientID), ClientSecret: secret.ValueStringPointer(),
			Endpoint: at(attrEndpoint), Scope: at(attrScope), ResponseType: at(attrResponseType), TokenRequestType: at(attrTokenRequestType)}
	}
	return hook
}

func (r *ConversationWebhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	diags := &resp.Diagnostics
	calls := r.data.webhookCalls(diags)
	plan, config := viewOf(req.Plan.Raw), viewOf(req.Config.Raw)
	projectID := getString(ctx, plan, attrProjectID, diags).ValueString()
	hook := webhookOf(ctx, plan, config, diags)
	secret, secretRule := webhookSecret.apply(ctx, config, plan, false, resp.Private, false, diags)
	credentials, credentialsRule := clientSecret.apply(ctx, config, plan, false, resp.Private, false, diags)
	if diags.HasError() {
		return
	}
	ctx = r.data.logContext(ctx, hook.Secrets()...)
	made, adopted, err := calls.Create(ctx, projectID, hook)
	if made == nil {
		diags.Append(r.createDiagnostic(ctx, calls, projectID, hook, err))
		return
	}
	state := viewOf(req.Plan.Raw)
	diags.Append(state.SetAttribute(ctx, path.Root(attrID), made.ID)...)
	if err != nil {
		// Made at Sinch, with its secrets unconfirmed: kept in state (Terraform marks it tainted, and the
		// next apply replaces it), so that it is not left behind.
		resp.State.Raw = state.value()
		diags.Append(apiErrorDiagnostic(webhookSubject(projectID, made.ID, hook.AppID), "set the secrets of", err))
		return
	}
	webhookSecret.record(ctx, secret, secretRule, true, state, resp.Private, diags)
	clientSecret.record(ctx, credentials, credentialsRule, true, state, resp.Private, diags)
	r.save(ctx, state, &resp.State, resp.Identity, diags)
	if adopted {
		diags.AddWarning("Webhook found after a lost answer", fmt.Sprintf(
			"Sinch's answer to the create of a webhook of app %q was lost, so the provider looked for the webhook "+
				"among the app's webhooks rather than create it again, found %q with the configured target and "+
				"triggers, wrote its secrets again, and manages it.", hook.AppID, made.ID))
	}
}

// createDiagnostic explains a create that made nothing: the sixth webhook of an app is said as such.
func (r *ConversationWebhookResource) createDiagnostic(ctx context.Context, calls *client.Webhooks, projectID string, hook client.Webhook, err error) diag.Diagnostic {
	subject := webhookSubject(projectID, "", hook.AppID)
	var apiErr *client.APIError
	var unconfirmed *client.CreateUnconfirmedError
	switch {
	case errors.As(err, &unconfirmed):
		return diag.NewErrorDiagnostic("Sinch may have made the webhook", fmt.Sprintf(
			"Sinch's answer to the create of a webhook of app %q was lost (%v), and the list of the app's webhooks "+
				"could not tell whether it was made: %s. Nothing is stored in state. Before you apply again, look at the "+
				"app's webhooks (the data source sinch_conversation_webhooks, or Sinch's dashboard): import the one with "+
				"target %q into this resource, or delete the extra ones.",
			hook.AppID, unconfirmed.Err, unconfirmedReason(unconfirmed), hook.Target))
	case errors.As(err, &apiErr) && apiErr.HTTPStatus == 400:
		if hooks, listErr := calls.List(ctx, projectID, hook.AppID); listErr == nil && len(hooks) >= maxWebhooksPerApp {
			return diag.NewAttributeErrorDiagnostic(path.Root(attrAppID), "Too many webhooks", fmt.Sprintf(
				"Sinch refused the webhook (%v): app %q of project %q has %d webhooks already, and an app has at most %d. "+
					"Nothing is stored in state. Remove a webhook of the app, or send these callbacks to one of them.",
				apiErr, hook.AppID, projectID, len(hooks), maxWebhooksPerApp))
		}
	}
	return apiErrorDiagnostic(subject, "create", err)
}

func unconfirmedReason(e *client.CreateUnconfirmedError) string {
	if e.ListErr != nil {
		return fmt.Sprintf("the list failed (%v)", e.ListErr)
	}
	return fmt.Sprintf("%d of its webhooks match the one sent (%v)", len(e.Matching), e.Matching)
}

// Read refreshes the state from Sinch. An answer that says nothing of a secret (Sinch does not
// document whether it answers them) leaves the state of that secret as it was.
func (r *ConversationWebhookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	diags := &resp.Diagnostics
	calls := r.data.webhookCalls(diags)
	state := viewOf(req.State.Raw)
	projectID := getString(ctx, state, attrProjectID, diags).ValueString()
	webhookID := getString(ctx, state, attrID, diags).ValueString()
	imported, importDiags := req.Private.GetKey(ctx, importedKey)
	diags.Append(importDiags...)
	if diags.HasError() {
		return
	}
	ctx = r.data.logContext(ctx, getString(ctx, state, webhookSecret.name, diags).ValueString(),
		getStringAt(ctx, state, clientSecret.plain(), diags).ValueString())
	hook, err := calls.Get(ctx, projectID, webhookID)
	switch {
	case client.IsNotFound(err) && imported != nil:
		diags.Append(importNotFound("sinch_conversation_webhook", fmt.Sprintf("webhook %q of project %q", webhookID, projectID), err))
		return
	case client.IsNotFound(err):
		diags.AddWarning("Webhook deleted at Sinch", fmt.Sprintf(
			"Sinch says webhook %q of project %q does not exist, so Terraform removed it from state; the next plan "+
				"creates it again.", webhookID, projectID))
		// The framework wants an identity after any read, that of an object gone included.
		r.save(ctx, state, &resp.State, resp.Identity, diags)
		resp.State.RemoveResource(ctx)
		return
	case err != nil:
		diags.Append(apiErrorDiagnostic(webhookSubject(projectID, webhookID, ""), "read", err))
		return
	}
	r.refresh(ctx, hook, string(imported) == importedWriteOnly, state, resp.Private, diags)
	if imported != nil {
		diags.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
	}
	// A state written before identities gains one here.
	r.save(ctx, state, &resp.State, resp.Identity, diags)
}

// refresh records what Sinch answered of a webhook in state.
func (r *ConversationWebhookResource) refresh(ctx context.Context, hook *client.Webhook, importedWriteOnly bool, state attributeAccess, private privateState, diags *diag.Diagnostics) {
	set := func(at path.Path, value any) { diags.Append(state.SetAttribute(ctx, at, value)...) }
	for name, value := range map[string]string{attrAppID: hook.AppID, attrTarget: hook.Target} {
		if value != "" {
			set(path.Root(name), value)
		}
	}
	set(path.Root(attrTargetType), orDefault(hook.TargetType, targetTypes[0]))
	if hook.Triggers != nil {
		set(path.Root(attrTriggers), hook.Triggers)
	}
	webhookSecret.refresh(ctx, hook.Secret, importedWriteOnly, state, private, diags)

	c := hook.ClientCredentials
	if c == nil {
		set(path.Root(attrClientCredentials), types.ObjectNull(clientCredentialsTypes()))
		if digest, _ := loadDigest(ctx, private, clientSecret.digestKey()); digest != nil {
			diags.Append(storeDigest(ctx, private, clientSecret.digestKey(), nil)...)
		}
		return
	}
	credentials := path.Root(attrClientCredentials)
	set(credentials.AtName(attrClientID), c.ClientID)
	set(credentials.AtName(attrEndpoint), c.Endpoint)
	set(credentials.AtName(attrScope), optionalSecret(c.Scope))
	set(credentials.AtName(attrResponseType), optionalSecret(c.ResponseType))
	set(credentials.AtName(attrTokenRequestType), orDefault(c.TokenRequestType, tokenRequestTypes[0]))
	clientSecret.refresh(ctx, c.ClientSecret, importedWriteOnly, state, private, diags)
}

func orDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}

func (r *ConversationWebhookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	calls := r.data.webhookCalls(&resp.Diagnostics)
	projectID := getString(ctx, req.State, attrProjectID, &resp.Diagnostics).ValueString()
	webhookID := getString(ctx, req.State, attrID, &resp.Diagnostics).ValueString()
	if resp.Diagnostics.HasError() {
		return
	}
	tflog.Debug(ctx, "Deleting the webhook", map[string]any{"project_id": projectID, "webhook_id": webhookID})
	if err := calls.Delete(r.data.logContext(ctx), projectID, webhookID); err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.Append(apiErrorDiagnostic(webhookSubject(projectID, webhookID, ""), "delete", err))
	}
}
