package webhooks

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
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
	data *shared.ProviderData
}

// NewConversationWebhookResource returns the resource sinch_conversation_webhook.
func NewConversationWebhookResource() resource.Resource { return &ConversationWebhookResource{} }

func (r *ConversationWebhookResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_webhook"
	// write_only follows the form of the secrets: see shared/identity.go.
	resp.ResourceBehavior = resource.ResourceBehavior{MutableIdentity: true}
}

// IdentitySchema is project_id, webhook_id, and write_only (see shared/identity.go).
func (r *ConversationWebhookResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = shared.IdentitySchema(map[string]identityschema.Attribute{
		attrWebhookID: identityschema.StringAttribute{RequiredForImport: true, Description: "The webhook's ID."},
	})
}

// save makes the new state of a view, and its identity: the webhook, and whether its secrets are
// write-only.
func (r *ConversationWebhookResource) save(ctx context.Context, state *shared.View, to *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if diags.HasError() {
		return
	}
	to.Raw = state.Value()
	writeOnly := !shared.GetStringAt(ctx, state, webhookSecret.Status(), diags).IsNull() || !shared.GetStringAt(ctx, state, clientSecret.Status(), diags).IsNull()
	shared.SetIdentity(ctx, identity, map[string]any{shared.AttrProjectID: shared.GetString(ctx, state, shared.AttrProjectID, diags),
		attrWebhookID: shared.GetString(ctx, state, shared.AttrID, diags), shared.IdentityWriteOnly: writeOnly}, diags)
}

func (r *ConversationWebhookResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = conversationWebhookSchema()
}

func (r *ConversationWebhookResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{shared.SecretForms{Secret: webhookSecret}, shared.SecretForms{Secret: clientSecret, Required: true}}
}

func (r *ConversationWebhookResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

// webhookSubject is a webhook, for diagnostics: by its ID, or before it has one by its app.
func webhookSubject(d *shared.ProviderData, projectID, webhookID, appID string) shared.CallSubject {
	what := fmt.Sprintf("webhook %q of Sinch project %q", webhookID, projectID)
	if webhookID == "" {
		what = fmt.Sprintf("a webhook of app %q of Sinch project %q", appID, projectID)
	}
	app := "the webhook's app"
	if appID != "" {
		app = fmt.Sprintf("app %q", appID)
	}
	host := "the host of conversation_region"
	if d != nil && d.ConversationHost != "" {
		host = d.ConversationHost
	}
	regionCheck := fmt.Sprintf("An app and its webhooks live in one region, and the provider calls %s: check that "+
		"conversation_region (or SINCH_CONVERSATION_REGION), or conversation_api_url (or SINCH_CONVERSATION_API_URL), "+
		"names the region of %s.", host, app)
	return shared.CallSubject{What: what, Kind: "webhook", ProjectID: projectID, Missing: fmt.Sprintf("webhook %q", webhookID),
		Checks: map[string]shared.NotFoundCheck{
			"":        {Text: "Check the webhook ID. " + regionCheck},
			"webhook": {Text: "Check the webhook ID. " + regionCheck},
			"app":     {Text: "Check app_id. " + regionCheck, At: path.Root(attrAppID)},
			"project": d.ProjectCheck(projectID),
		},
		API: "Conversation", DefaultURL: shared.ConversationURL(shared.DefaultConversationRegion, ""), URLSetting: "conversation_api_url",
		HostCheck: regionCheck}
}

// webhookOf is the webhook a plan describes, as the client takes it, with the secrets of the
// configuration (write-only ones are in the configuration only).
func webhookOf(ctx context.Context, plan, config shared.AttributeGetter, diags *diag.Diagnostics) client.Webhook {
	hook := client.Webhook{
		ID:         shared.GetString(ctx, plan, shared.AttrID, diags).ValueString(),
		AppID:      shared.GetString(ctx, plan, attrAppID, diags).ValueString(),
		Target:     shared.GetString(ctx, plan, attrTarget, diags).ValueString(),
		TargetType: shared.GetString(ctx, plan, attrTargetType, diags).ValueString(),
		Triggers:   shared.GetStrings(ctx, plan, path.Root(attrTriggers), diags),
	}
	if secret, _ := webhookSecret.Configured(ctx, config, diags); !secret.IsNull() {
		hook.Secret = secret.ValueStringPointer()
	}
	if clientSecret.Present(ctx, plan, diags) {
		at := func(name string) string {
			return shared.GetStringAt(ctx, plan, path.Root(attrClientCredentials).AtName(name), diags).ValueString()
		}
		secret, _ := clientSecret.Configured(ctx, config, diags)
		hook.ClientCredentials = &client.ClientCredentials{ClientID: at(attrClientID), ClientSecret: secret.ValueStringPointer(),
			Endpoint: at(attrEndpoint), Scope: at(attrScope), ResponseType: at(attrResponseType), TokenRequestType: at(attrTokenRequestType)}
	}
	return hook
}

func (r *ConversationWebhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	diags := &resp.Diagnostics
	calls := r.data.WebhookCalls(diags)
	plan, config := shared.ViewOf(req.Plan.Raw), shared.ViewOf(req.Config.Raw)
	projectID := shared.GetString(ctx, plan, shared.AttrProjectID, diags).ValueString()
	hook := webhookOf(ctx, plan, config, diags)
	secret, secretRule := webhookSecret.Apply(ctx, config, plan, false, resp.Private, false, diags)
	credentials, credentialsRule := clientSecret.Apply(ctx, config, plan, false, resp.Private, false, diags)
	if diags.HasError() {
		return
	}
	ctx = r.data.LogContext(ctx, hook.Secrets()...)
	made, adopted, err := calls.Create(ctx, projectID, hook)
	if made == nil {
		diags.Append(r.createDiagnostic(projectID, hook, secret.WriteOnly || credentials.WriteOnly, err))
		return
	}
	state := shared.ViewOf(req.Plan.Raw)
	diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrID), made.ID)...)
	if err != nil {
		// Made at Sinch, with its secrets unconfirmed: kept in state (Terraform marks it tainted, and the
		// next apply replaces it), so that it is not left behind.
		resp.State.Raw = state.Value()
		diags.Append(shared.APIErrorDiagnostic(webhookSubject(r.data, projectID, made.ID, hook.AppID), "set the secrets of", err))
		return
	}
	webhookSecret.Record(ctx, secret, secretRule, true, state, resp.Private, diags)
	clientSecret.Record(ctx, credentials, credentialsRule, true, state, resp.Private, diags)
	r.save(ctx, state, &resp.State, resp.Identity, diags)
	if adopted {
		diags.AddWarning("Webhook found after a lost answer", fmt.Sprintf(
			"Sinch's answer to the create of a webhook of app %q was lost, so the provider looked for the webhook "+
				"among the app's webhooks rather than create it again, found %q with the configured target and "+
				"triggers, wrote its secrets again, and manages it.", hook.AppID, made.ID))
	}
}

// createDiagnostic explains a create that made nothing, or may have: the sixth webhook of an app is
// said as such, and a create whose answer was lost with the import ID of each webhook it may have made,
// in the form of the configuration (writeOnly: with ":write-only").
func (r *ConversationWebhookResource) createDiagnostic(projectID string, hook client.Webhook, writeOnly bool, err error) diag.Diagnostic {
	var refused *client.CreateRefusedError
	var unconfirmed *client.CreateUnconfirmedError
	switch {
	case errors.As(err, &unconfirmed):
		importID := func(webhookID string) string {
			id := projectID + "/" + webhookID
			if writeOnly {
				id += shared.WriteOnlyImportSuffix
			}
			return fmt.Sprintf("%q", id)
		}
		var found string
		if unconfirmed.ListErr != nil {
			found = fmt.Sprintf("the list of the app's webhooks, which would tell, failed too (%s). Before you apply "+
				"again, look at the app's webhooks (the data source sinch_conversation_webhooks, or Sinch's dashboard): if one "+
				"has target %q, import it into this resource with the ID %s, rather than apply, which would make another",
				shared.InWords(unconfirmed.ListErr), hook.Target, importID("<webhook ID>"))
		} else {
			var ids []string
			for _, id := range unconfirmed.Matching {
				ids = append(ids, importID(id))
			}
			found = fmt.Sprintf("%d webhooks new to the app match it, so the provider cannot tell which one the create "+
				"made. Before you apply again, import the one to keep into this resource, with one of the IDs %s, and "+
				"delete the others (in Sinch's dashboard, say)", len(ids), strings.Join(ids, ", "))
		}
		return diag.NewErrorDiagnostic("Sinch may have made the webhook", fmt.Sprintf(
			"The create of a webhook of app %q of project %q reached Sinch, but its answer did not come back: %s. "+
				"So it may have been made, and %s. Nothing is stored in state.",
			hook.AppID, projectID, shared.InWords(unconfirmed.Err), found))
	case errors.As(err, &refused) && refused.Err.HTTPStatus == http.StatusBadRequest && len(refused.Existing) >= maxWebhooksPerApp:
		var existing []string
		for _, h := range refused.Existing {
			existing = append(existing, fmt.Sprintf("%s (%s)", h.ID, h.Target))
		}
		return diag.NewAttributeErrorDiagnostic(path.Root(attrAppID), "Too many webhooks", fmt.Sprintf(
			"Sinch refused a new webhook for app %q of project %q (%s): an app has at most %d webhooks, and the app has "+
				"%d already: %s. Nothing is stored in state. Send these callbacks to one of them (a webhook takes several "+
				"triggers), or remove one; the data source sinch_conversation_webhooks lists them.",
			hook.AppID, projectID, shared.SinchSays(refused.Err), maxWebhooksPerApp, len(refused.Existing), strings.Join(existing, ", ")))
	}
	return shared.APIErrorDiagnostic(webhookSubject(r.data, projectID, "", hook.AppID), "create", err)
}

// Read refreshes the state from Sinch. An answer that says nothing of a secret (Sinch does not
// document whether it answers them) leaves the state of that secret as it was.
func (r *ConversationWebhookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	diags := &resp.Diagnostics
	calls := r.data.WebhookCalls(diags)
	state := shared.ViewOf(req.State.Raw)
	projectID := shared.GetString(ctx, state, shared.AttrProjectID, diags).ValueString()
	webhookID := shared.GetString(ctx, state, shared.AttrID, diags).ValueString()
	appID := shared.GetString(ctx, state, attrAppID, diags).ValueString()
	imported, importDiags := req.Private.GetKey(ctx, shared.ImportedKey)
	diags.Append(importDiags...)
	if diags.HasError() {
		return
	}
	ctx = r.data.LogContext(ctx, shared.GetString(ctx, state, webhookSecret.Name, diags).ValueString(),
		shared.GetStringAt(ctx, state, clientSecret.Plain(), diags).ValueString())
	hook, err := calls.Get(ctx, projectID, appID, webhookID)
	var unconfirmed *client.NotFoundUnconfirmedError
	switch {
	case (client.IsNotFound(err) || errors.As(err, &unconfirmed)) && imported != nil:
		subject := webhookSubject(r.data, projectID, webhookID, appID)
		diags.Append(shared.ImportNotFound("sinch_conversation_webhook", fmt.Sprintf("webhook %q of project %q", webhookID, projectID),
			shared.InWords(err), subject.HostCheck))
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
		diags.Append(shared.APIErrorDiagnostic(webhookSubject(r.data, projectID, webhookID, appID), "read", err))
		return
	}
	r.refresh(ctx, hook, string(imported) == shared.ImportedWriteOnly, state, resp.Private, diags)
	if imported != nil {
		diags.Append(resp.Private.SetKey(ctx, shared.ImportedKey, nil)...)
	}
	// A state written before identities gains one here.
	r.save(ctx, state, &resp.State, resp.Identity, diags)
}

// refresh records what Sinch answered of a webhook in state.
func (r *ConversationWebhookResource) refresh(ctx context.Context, hook *client.Webhook, importedWriteOnly bool, state shared.AttributeAccess, private shared.PrivateState, diags *diag.Diagnostics) {
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
	webhookSecret.Refresh(ctx, hook.Secret, importedWriteOnly, state, private, diags)

	c := hook.ClientCredentials
	if c == nil {
		set(path.Root(attrClientCredentials), types.ObjectNull(clientCredentialsTypes()))
		if digest, _ := shared.LoadDigest(ctx, private, clientSecret.DigestKey()); digest != nil {
			diags.Append(shared.StoreDigest(ctx, private, clientSecret.DigestKey(), nil)...)
		}
		return
	}
	credentials := path.Root(attrClientCredentials)
	set(credentials.AtName(attrClientID), c.ClientID)
	set(credentials.AtName(attrEndpoint), c.Endpoint)
	set(credentials.AtName(attrScope), shared.OptionalSecret(c.Scope))
	set(credentials.AtName(attrResponseType), shared.OptionalSecret(c.ResponseType))
	set(credentials.AtName(attrTokenRequestType), orDefault(c.TokenRequestType, tokenRequestTypes[0]))
	clientSecret.Refresh(ctx, c.ClientSecret, importedWriteOnly, state, private, diags)
}

func orDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}

func (r *ConversationWebhookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	calls := r.data.WebhookCalls(&resp.Diagnostics)
	projectID := shared.GetString(ctx, req.State, shared.AttrProjectID, &resp.Diagnostics).ValueString()
	webhookID := shared.GetString(ctx, req.State, shared.AttrID, &resp.Diagnostics).ValueString()
	appID := shared.GetString(ctx, req.State, attrAppID, &resp.Diagnostics).ValueString()
	if resp.Diagnostics.HasError() {
		return
	}
	tflog.Debug(ctx, "Deleting the webhook", map[string]any{"project_id": projectID, "webhook_id": webhookID})
	// A webhook gone already counts as deleted once Sinch confirms it (see client.Webhooks.Delete).
	if err := calls.Delete(r.data.LogContext(ctx), projectID, appID, webhookID); err != nil {
		resp.Diagnostics.Append(shared.APIErrorDiagnostic(webhookSubject(r.data, projectID, webhookID, appID), "delete", err))
	}
}
