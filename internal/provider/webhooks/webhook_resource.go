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
	_ resource.ResourceWithConfigure        = &WebhookResource{}
	_ resource.ResourceWithModifyPlan       = &WebhookResource{}
	_ resource.ResourceWithImportState      = &WebhookResource{}
	_ resource.ResourceWithConfigValidators = &WebhookResource{}
	_ resource.ResourceWithIdentity         = &WebhookResource{}
)

// attrWebhookID names a webhook's ID where "id" does not: in the identity, and in an action's configuration.
const attrWebhookID = "webhook_id"

// WebhookResource manages a webhook of one API of webhookAPIs: a real create and delete, unlike the
// callback configurations. Its type, schema and rules are made from the API's value.
type WebhookResource struct {
	api  webhookAPI
	data *shared.ProviderData
}

// NewConversationWebhookResource returns the resource sinch_conversation_webhook.
func NewConversationWebhookResource() resource.Resource { return &WebhookResource{api: conversation} }

// NewProvisioningWebhookResource returns the resource sinch_provisioning_webhook.
func NewProvisioningWebhookResource() resource.Resource { return &WebhookResource{api: provisioning} }

func (r *WebhookResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.api.TypeName
	// write_only follows the form of the secrets: see shared/identity.go.
	resp.ResourceBehavior = resource.ResourceBehavior{MutableIdentity: true}
}

// IdentitySchema is project_id, webhook_id, and write_only (see shared/identity.go).
func (r *WebhookResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = shared.IdentitySchema(map[string]identityschema.Attribute{
		attrWebhookID: identityschema.StringAttribute{RequiredForImport: true, Description: "The webhook's ID."},
	})
}

// save makes the new state of a view, and its identity: the webhook, and whether its secrets are
// write-only.
func (r *WebhookResource) save(ctx context.Context, state *shared.View, to *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if diags.HasError() {
		return
	}
	to.Raw = state.Value()
	writeOnly := !shared.GetStringAt(ctx, state, r.api.secret.Status(), diags).IsNull()
	if r.api.has(attrClientCredentials) {
		writeOnly = writeOnly || !shared.GetStringAt(ctx, state, clientSecret.Status(), diags).IsNull()
	}
	shared.SetIdentity(ctx, identity, map[string]any{shared.AttrProjectID: shared.GetString(ctx, state, shared.AttrProjectID, diags),
		attrWebhookID: shared.GetString(ctx, state, shared.AttrID, diags), shared.IdentityWriteOnly: writeOnly}, diags)
}

func (r *WebhookResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.api.schema()
}

func (r *WebhookResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	validators := []resource.ConfigValidator{shared.SecretForms{Secret: r.api.secret, Required: r.api.secretRequired()}}
	if r.api.has(attrClientCredentials) {
		validators = append(validators, shared.SecretForms{Secret: clientSecret, Required: true})
	}
	return validators
}

func (r *WebhookResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

// webhookOf is the webhook a plan describes, as the client takes it, with the secrets of the
// configuration (write-only ones are in the configuration only).
func (r *WebhookResource) webhookOf(ctx context.Context, plan, config shared.AttributeGetter, diags *diag.Diagnostics) client.Webhook {
	hook := client.Webhook{
		ID:       shared.GetString(ctx, plan, shared.AttrID, diags).ValueString(),
		Target:   shared.GetString(ctx, plan, attrTarget, diags).ValueString(),
		Triggers: shared.GetStrings(ctx, plan, path.Root(attrTriggers), diags),
	}
	if r.api.has(attrAppID) {
		hook.AppID = shared.GetString(ctx, plan, attrAppID, diags).ValueString()
	}
	if r.api.has(attrTargetType) {
		hook.TargetType = shared.GetString(ctx, plan, attrTargetType, diags).ValueString()
	}
	if secret, _ := r.api.secret.Configured(ctx, config, diags); !secret.IsNull() {
		hook.Secret = secret.ValueStringPointer()
	}
	if r.api.has(attrClientCredentials) && clientSecret.Present(ctx, plan, diags) {
		at := func(name string) string {
			return shared.GetStringAt(ctx, plan, path.Root(attrClientCredentials).AtName(name), diags).ValueString()
		}
		secret, _ := clientSecret.Configured(ctx, config, diags)
		hook.ClientCredentials = &client.ClientCredentials{ClientID: at(attrClientID), ClientSecret: secret.ValueStringPointer(),
			Endpoint: at(attrEndpoint), Scope: at(attrScope), ResponseType: at(attrResponseType), TokenRequestType: at(attrTokenRequestType)}
	}
	return hook
}

// appOf is a webhook's app in a state, "" for an API whose webhooks have none.
func (r *WebhookResource) appOf(ctx context.Context, state shared.AttributeGetter, diags *diag.Diagnostics) string {
	if !r.api.has(attrAppID) {
		return ""
	}
	return shared.GetString(ctx, state, attrAppID, diags).ValueString()
}

func (r *WebhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	diags := &resp.Diagnostics
	calls := r.api.calls(r.data, diags)
	plan, config := shared.ViewOf(req.Plan.Raw), shared.ViewOf(req.Config.Raw)
	projectID := shared.GetString(ctx, plan, shared.AttrProjectID, diags).ValueString()
	hook := r.webhookOf(ctx, plan, config, diags)
	secret, secretRule := r.api.secret.Apply(ctx, config, plan, false, resp.Private, false, diags)
	var credentials shared.SecretCase
	var credentialsRule shared.SecretRule
	if r.api.has(attrClientCredentials) {
		credentials, credentialsRule = clientSecret.Apply(ctx, config, plan, false, resp.Private, false, diags)
	}
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
		diags.Append(shared.APIErrorDiagnostic(r.api.subject(r.data, projectID, made.ID, hook.AppID), "set the secrets of", err))
		return
	}
	r.api.secret.Record(ctx, secret, secretRule, true, state, resp.Private, diags)
	if r.api.has(attrClientCredentials) {
		clientSecret.Record(ctx, credentials, credentialsRule, true, state, resp.Private, diags)
	}
	r.save(ctx, state, &resp.State, resp.Identity, diags)
	if adopted {
		diags.AddWarning("Webhook found after a lost answer", fmt.Sprintf(
			"Sinch's answer to the create of a webhook of %s was lost, so the provider looked for the webhook among "+
				"the %s's webhooks rather than create it again, found %q, which the create made, with the configured "+
				"target, wrote its secrets again, and manages it.", r.api.scope(projectID, hook.AppID), r.api.scopeKind(), made.ID))
	}
}

// createDiagnostic explains a create that made nothing, or may have: a target the project has already,
// the webhook beyond the scope's limit, and a create whose answer was lost, with the import ID of each
// webhook it may have made, in the form of the configuration (writeOnly: with ":write-only").
func (r *WebhookResource) createDiagnostic(projectID string, hook client.Webhook, writeOnly bool, err error) diag.Diagnostic {
	var refused *client.CreateRefusedError
	var unconfirmed *client.CreateUnconfirmedError
	var taken *client.TargetTakenError
	scope := r.api.scope(projectID, hook.AppID)
	switch {
	case errors.As(err, &taken):
		id := importID(projectID, taken.Webhook.ID, writeOnly)
		says := ""
		if taken.Err != nil {
			says = fmt.Sprintf(" Sinch refused the create (%s).", shared.SinchSays(taken.Err))
		}
		return diag.NewAttributeErrorDiagnostic(path.Root(attrTarget), "Target taken", fmt.Sprintf(
			"Webhook %q of %s has the target %q already, and a project has one webhook per target.%s Nothing is stored "+
				"in state. To manage that webhook with this resource, import it: an import block with id = %q (or "+
				"terraform import %s.<name> %s); or give this one another target.",
			taken.Webhook.ID, scope, hook.Target, says, id, r.api.terraformType(), id))
	case errors.As(err, &unconfirmed):
		var found string
		if unconfirmed.ListErr != nil {
			found = fmt.Sprintf("the list of the %s's webhooks, which would tell, failed too (%s). Before you apply "+
				"again, look at the %s's webhooks (the data source %s, or Sinch's dashboard): if one has target %q, "+
				"import it into this resource with the ID %q, rather than apply, which would make another",
				r.api.scopeKind(), shared.InWords(unconfirmed.ListErr), r.api.scopeKind(), r.api.listType(), hook.Target,
				importID(projectID, "<webhook ID>", writeOnly))
		} else {
			var ids []string
			for _, id := range unconfirmed.Matching {
				ids = append(ids, importID(projectID, id, writeOnly))
			}
			found = fmt.Sprintf("%d webhooks new to the %s match it, so the provider cannot tell which one the create "+
				"made. Before you apply again, import the one to keep into this resource, with one of the IDs %s, and "+
				"delete the others (in Sinch's dashboard, say)", len(ids), r.api.scopeKind(), quotedAll(ids))
		}
		return diag.NewErrorDiagnostic("Sinch may have made the webhook", fmt.Sprintf(
			"The create of a webhook of %s reached Sinch, but its answer did not come back: %s. So it may have been "+
				"made, and %s. Nothing is stored in state.", r.scopeOfProject(projectID, hook.AppID), shared.InWords(unconfirmed.Err), found))
	case errors.As(err, &refused) && refused.Err.HTTPStatus == http.StatusBadRequest && len(refused.Existing) >= r.api.Limit:
		var existing []string
		for _, h := range refused.Existing {
			existing = append(existing, fmt.Sprintf("%s (%s)", h.ID, h.Target))
		}
		at := path.Root(shared.AttrProjectID)
		if r.api.ScopedByApp {
			at = path.Root(attrAppID)
		}
		return diag.NewAttributeErrorDiagnostic(at, "Too many webhooks", fmt.Sprintf(
			"Sinch refused a new webhook for %s (%s): a%s %s has at most %d webhooks, and the %s has %d already: %s. "+
				"Nothing is stored in state. Send these events to one of them (a webhook takes several triggers), or "+
				"remove one; the data source %s lists them.", r.scopeOfProject(projectID, hook.AppID),
			shared.SinchSays(refused.Err), article(r.api.scopeKind()), r.api.scopeKind(), r.api.Limit, r.api.scopeKind(),
			len(refused.Existing), strings.Join(existing, ", "), r.api.listType()))
	}
	return shared.APIErrorDiagnostic(r.api.subject(r.data, projectID, "", hook.AppID), "create", err)
}

// article is "n" before a word that starts with a vowel: "an app", "a project".
func article(word string) string {
	if strings.ContainsAny(word[:1], "aeiou") {
		return "n"
	}
	return ""
}

// scopeOfProject names a webhook's scope with its project: `app "a" of project "p"`, or `project "p"`.
func (r *WebhookResource) scopeOfProject(projectID, appID string) string {
	if r.api.ScopedByApp {
		return fmt.Sprintf("app %q of project %q", appID, projectID)
	}
	return fmt.Sprintf("project %q", projectID)
}

// Read refreshes the state from Sinch. An answer that says nothing of a secret (Sinch does not
// document whether the Conversation API answers them; the Provisioning API never does) leaves the state
// of that secret as it was.
func (r *WebhookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	diags := &resp.Diagnostics
	calls := r.api.calls(r.data, diags)
	state := shared.ViewOf(req.State.Raw)
	projectID := shared.GetString(ctx, state, shared.AttrProjectID, diags).ValueString()
	webhookID := shared.GetString(ctx, state, shared.AttrID, diags).ValueString()
	appID := r.appOf(ctx, state, diags)
	imported, importDiags := req.Private.GetKey(ctx, shared.ImportedKey)
	diags.Append(importDiags...)
	if diags.HasError() {
		return
	}
	secrets := []string{shared.GetString(ctx, state, r.api.secret.Name, diags).ValueString()}
	if r.api.has(attrClientCredentials) {
		secrets = append(secrets, shared.GetStringAt(ctx, state, clientSecret.Plain(), diags).ValueString())
	}
	ctx = r.data.LogContext(ctx, secrets...)
	hook, err := calls.Get(ctx, projectID, appID, webhookID)
	var unconfirmed *client.NotFoundUnconfirmedError
	switch {
	case (client.IsNotFound(err) || errors.As(err, &unconfirmed)) && imported != nil:
		diags.Append(shared.ImportNotFound(r.api.terraformType(), fmt.Sprintf("webhook %q of project %q", webhookID, projectID),
			shared.InWords(err), r.api.hostCheck(r.data, appID)))
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
		diags.Append(shared.APIErrorDiagnostic(r.api.subject(r.data, projectID, webhookID, appID), "read", err))
		return
	}
	r.refresh(ctx, hook, string(imported) == shared.ImportedWriteOnly, state, resp.Private, diags)
	if imported != nil {
		diags.Append(resp.Private.SetKey(ctx, shared.ImportedKey, nil)...)
	}
	// A state written before identities gains one here.
	r.save(ctx, state, &resp.State, resp.Identity, diags)
}

// refresh records what Sinch answered of a webhook in state: its fields, and its secrets by their rules.
func (r *WebhookResource) refresh(ctx context.Context, hook *client.Webhook, importedWriteOnly bool, state shared.AttributeAccess, private shared.PrivateState, diags *diag.Diagnostics) {
	r.setFields(ctx, hook, state, diags)
	r.api.secret.Refresh(ctx, hook.Secret, importedWriteOnly, state, private, diags)
	if !r.api.has(attrClientCredentials) {
		return
	}
	if c := hook.ClientCredentials; c != nil {
		clientSecret.Refresh(ctx, c.ClientSecret, importedWriteOnly, state, private, diags)
	} else if digest, _ := shared.LoadDigest(ctx, private, clientSecret.DigestKey()); digest != nil {
		diags.Append(shared.StoreDigest(ctx, private, clientSecret.DigestKey(), nil)...)
	}
}

// setFields records the fields of a webhook that Sinch answered, its secrets aside.
func (r *WebhookResource) setFields(ctx context.Context, hook *client.Webhook, state shared.AttributeAccess, diags *diag.Diagnostics) {
	set := func(at path.Path, value any) { diags.Append(state.SetAttribute(ctx, at, value)...) }
	if hook.Target != "" {
		set(path.Root(attrTarget), hook.Target)
	}
	if hook.Triggers != nil {
		set(path.Root(attrTriggers), hook.Triggers)
	}
	if r.api.has(attrAppID) && hook.AppID != "" {
		set(path.Root(attrAppID), hook.AppID)
	}
	if r.api.has(attrTargetType) {
		set(path.Root(attrTargetType), orDefault(hook.TargetType, targetTypes[0]))
	}
	if !r.api.has(attrClientCredentials) {
		return
	}
	c := hook.ClientCredentials
	if c == nil {
		set(path.Root(attrClientCredentials), types.ObjectNull(clientCredentialsTypes()))
		return
	}
	credentials := path.Root(attrClientCredentials)
	set(credentials.AtName(attrClientID), c.ClientID)
	set(credentials.AtName(attrEndpoint), c.Endpoint)
	set(credentials.AtName(attrScope), shared.OptionalSecret(c.Scope))
	set(credentials.AtName(attrResponseType), shared.OptionalSecret(c.ResponseType))
	set(credentials.AtName(attrTokenRequestType), orDefault(c.TokenRequestType, tokenRequestTypes[0]))
}

func orDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}

func (r *WebhookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	calls := r.api.calls(r.data, &resp.Diagnostics)
	projectID := shared.GetString(ctx, req.State, shared.AttrProjectID, &resp.Diagnostics).ValueString()
	webhookID := shared.GetString(ctx, req.State, shared.AttrID, &resp.Diagnostics).ValueString()
	appID := r.appOf(ctx, req.State, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	tflog.Debug(ctx, "Deleting the webhook", map[string]any{"project_id": projectID, "webhook_id": webhookID})
	// A webhook gone already counts as deleted once Sinch confirms it (see client.Webhooks.Delete).
	if err := calls.Delete(r.data.LogContext(ctx), projectID, appID, webhookID); err != nil {
		resp.Diagnostics.Append(shared.APIErrorDiagnostic(r.api.subject(r.data, projectID, webhookID, appID), "delete", err))
	}
}
