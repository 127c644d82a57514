package callbackconfig

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var (
	_ resource.ResourceWithConfigure        = &AppCallbackSettingsResource{}
	_ resource.ResourceWithModifyPlan       = &AppCallbackSettingsResource{}
	_ resource.ResourceWithImportState      = &AppCallbackSettingsResource{}
	_ resource.ResourceWithConfigValidators = &AppCallbackSettingsResource{}
	_ resource.ResourceWithIdentity         = &AppCallbackSettingsResource{}
)

// The app's attribute, and the secret it sets: secret, or secret_wo with secret_wo_version (Sinch's
// callback_settings.secret_for_overridden_callback_urls).
const attrAppID = shared.AttrAppID

var appSecret = shared.SecretArgument{Parent: path.Empty(), Name: "secret"}

// appSettingsType is the type's name after "sinch_".
const appSettingsType = "conversation_app_callback_settings"

// AppCallbackSettingsResource manages the secret of a Conversation API app that signs the delivery
// receipts of messages sent with a callback_url of their own: a per-app singleton, like a project's
// callback configuration, which every app has for as long as it exists, so create adopts it and destroy
// leaves it.
//
// It is not one more value of the table of callback APIs (sinchapi.CallbackAPIs): that table describes
// APIs whose per-project secret is set through {"hmacSecret"} at a path with the project alone, and
// signs X-Sinch-Signature; this secret belongs to an app (a second ID in the path), is a field nested in
// the app's answer, is set by a PATCH that must name it in update_mask, lives at the host of the app's
// region, and signs x-sinch-webhook-signature. The table would need each of those as a field that the
// four APIs leave empty; the write-only logic, the identity, the import and the diagnostics are shared
// instead.
type AppCallbackSettingsResource struct {
	data *shared.ProviderData
}

// NewAppCallbackSettingsResource returns the resource sinch_conversation_app_callback_settings.
func NewAppCallbackSettingsResource() resource.Resource { return &AppCallbackSettingsResource{} }

func (r *AppCallbackSettingsResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + appSettingsType
	// write_only follows the form of the secret: see shared/identity.go.
	resp.ResourceBehavior = resource.ResourceBehavior{MutableIdentity: true}
}

// IdentitySchema is project_id, app_id, and write_only (see shared/identity.go).
func (r *AppCallbackSettingsResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = shared.IdentitySchema(map[string]identityschema.Attribute{
		attrAppID: identityschema.StringAttribute{RequiredForImport: true, Description: "The Conversation API app."},
	})
}

func (r *AppCallbackSettingsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := map[string]schema.Attribute{
		shared.AttrID: schema.StringAttribute{
			MarkdownDescription: "`<project ID>/<app ID>`.",
			Computed:            true,
		},
		shared.AttrProjectID: schema.StringAttribute{
			MarkdownDescription: "The Sinch project of the app. Defaults to the provider's `project_id`. Changing it replaces the resource.",
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{shared.ProjectIDValidator},
		},
		attrAppID: schema.StringAttribute{
			MarkdownDescription: "The Conversation API app. Changing it replaces the resource.",
			Required:            true,
			Validators:          []validator.String{shared.StringCheck(shared.CheckProjectID, "an app ID")},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
	}
	maps.Copy(attributes, appSecret.Attributes("The secret with which Sinch signs the delivery receipts of the messages "+
		"that the app sends with a `callback_url` of their own (Sinch's `callback_settings.secret_for_overridden_callback_urls`; "+
		"`x-sinch-webhook-signature`, as a webhook's callbacks: see the function `conversation_webhook_signature`)", "Set this or `%s`."))
	resp.Schema = schema.Schema{MarkdownDescription: "The **secret for overridden callback URLs** of a Conversation API " +
		"app: what signs the delivery receipts of messages sent with a `callback_url` of their own, in place of the " +
		"app's webhooks. It calls `GET` `/v1/projects/{project_id}/apps/{app_id}` and `PATCH` it with " +
		"`update_mask=callback_settings`, which leaves the app's other fields, its channel credentials included, as they " +
		"are, at the host of the provider's `conversation_region` (or its `conversation_api_url`).",
		Attributes: attributes}
}

func (r *AppCallbackSettingsResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{shared.SecretForms{Secret: appSecret, Required: true}}
}

func (r *AppCallbackSettingsResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

// appSubject is an app's callback settings, for diagnostics.
func appSubject(d *shared.ProviderData, projectID, appID string) shared.CallSubject {
	host := "the host of conversation_region"
	if d != nil && d.ConversationHost != "" {
		host = d.ConversationHost
	}
	regionCheck := fmt.Sprintf("An app lives in one region, and the provider calls %s: check that conversation_region "+
		"(or SINCH_CONVERSATION_REGION), or conversation_api_url (or SINCH_CONVERSATION_API_URL), names the region of "+
		"app %q.", host, appID)
	return shared.CallSubject{What: fmt.Sprintf("the callback settings of app %q of Sinch project %q", appID, projectID),
		Kind: "callback settings", ProjectID: projectID, Missing: fmt.Sprintf("app %q", appID),
		Checks: map[string]shared.NotFoundCheck{
			"":        {Text: "Check app_id. " + regionCheck, At: path.Root(attrAppID)},
			"app":     {Text: "Check app_id. " + regionCheck, At: path.Root(attrAppID)},
			"project": d.ProjectCheck(projectID),
		},
		API: "Conversation", DefaultURL: shared.ConversationURL(shared.DefaultConversationRegion, ""), URLSetting: "conversation_api_url",
		HostCheck: regionCheck}
}

func (r *AppCallbackSettingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	state := r.apply(ctx, shared.ViewOf(req.Config.Raw), shared.ViewOf(req.Plan.Raw), nil, resp.Private, &resp.Diagnostics)
	r.save(ctx, state, &resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *AppCallbackSettingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	state := r.apply(ctx, shared.ViewOf(req.Config.Raw), shared.ViewOf(req.Plan.Raw), shared.ViewOf(req.State.Raw), resp.Private, &resp.Diagnostics)
	r.save(ctx, state, &resp.State, resp.Identity, &resp.Diagnostics)
}

// save makes the new state, and its identity, of a view (nil after an error).
func (r *AppCallbackSettingsResource) save(ctx context.Context, state *shared.View, to *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if state == nil || diags.HasError() {
		return
	}
	to.Raw = state.Value()
	shared.SetIdentity(ctx, identity, map[string]any{
		shared.AttrProjectID:     shared.GetString(ctx, state, shared.AttrProjectID, diags),
		attrAppID:                shared.GetString(ctx, state, attrAppID, diags),
		shared.IdentityWriteOnly: !shared.GetStringAt(ctx, state, appSecret.Status(), diags).IsNull(),
	}, diags)
}

// apply writes the configured secret when the rules of secretRules (in shared) say so, with one PATCH
// whose update_mask names callback_settings alone, and records it once Sinch's answer confirms it. prior
// is the state before: nil on create. It returns the new state, or nil after adding an error.
func (r *AppCallbackSettingsResource) apply(ctx context.Context, config, plan, prior *shared.View, private shared.PrivateState, diags *diag.Diagnostics) *shared.View {
	calls := r.data.AppCallbackSettingsCalls(diags)
	projectID := shared.GetString(ctx, plan, shared.AttrProjectID, diags).ValueString()
	appID := shared.GetString(ctx, plan, attrAppID, diags).ValueString()
	existing := prior != nil
	if !existing {
		prior = plan // not read: existing is false
	}
	secret, rule := appSecret.Apply(ctx, config, prior, existing, private, false, diags)
	if diags.HasError() {
		return nil
	}
	ctx = r.data.LogContext(ctx, secret.Configured.ValueString())
	tflog.Debug(ctx, "Setting the app's callback secret", map[string]any{"project_id": projectID, "app_id": appID,
		"write_only": secret.WriteOnly, "write": rule.Write, "rule": rule.Rule})
	if rule.Write {
		if _, err := calls.Update(ctx, projectID, appID, secret.Configured.ValueString()); err != nil {
			diags.Append(shared.APIErrorDiagnostic(appSubject(r.data, projectID, appID), "set", err))
			return nil
		}
	}
	state := shared.ViewOf(plan.Raw())
	diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrID), projectID+"/"+appID)...)
	appSecret.Record(ctx, secret, rule, rule.Write, state, private, diags)
	diags.Append(private.SetKey(ctx, shared.ImportedKey, nil)...)
	return state
}

// Read refreshes the state from Sinch: an answer that says nothing of the secret (Sinch does not document
// whether it answers it) leaves the state of the secret as it was.
func (r *AppCallbackSettingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	diags := &resp.Diagnostics
	calls := r.data.AppCallbackSettingsCalls(diags)
	state := shared.ViewOf(req.State.Raw)
	projectID := shared.GetString(ctx, state, shared.AttrProjectID, diags).ValueString()
	appID := shared.GetString(ctx, state, attrAppID, diags).ValueString()
	imported, importDiags := req.Private.GetKey(ctx, shared.ImportedKey)
	diags.Append(importDiags...)
	if diags.HasError() {
		return
	}
	ctx = r.data.LogContext(ctx, shared.GetString(ctx, state, appSecret.Name, diags).ValueString())
	answer, err := calls.Get(ctx, projectID, appID)
	switch {
	case client.IsNotFound(err) && imported != nil:
		diags.Append(shared.ImportNotFound("sinch_"+appSettingsType, fmt.Sprintf("app %q of project %q", appID, projectID),
			shared.InWords(err), appSubject(r.data, projectID, appID).HostCheck))
		return
	case client.IsNotFound(err):
		diags.AddWarning("App no longer exists", fmt.Sprintf(
			"Sinch says app %q of project %q does not exist, so Terraform removed its callback settings from state. "+
				"The next plan proposes to set them again, which fails until the app exists.", appID, projectID))
		r.save(ctx, state, &resp.State, resp.Identity, diags)
		resp.State.RemoveResource(ctx)
		return
	case err != nil:
		diags.Append(shared.APIErrorDiagnostic(appSubject(r.data, projectID, appID), "read", err))
		return
	}
	appSecret.Refresh(ctx, answer.Secret, string(imported) == shared.ImportedWriteOnly, state, resp.Private, diags)
	if imported != nil {
		diags.Append(resp.Private.SetKey(ctx, shared.ImportedKey, nil)...)
	}
	r.save(ctx, state, &resp.State, resp.Identity, diags)
}

// Delete makes no call: an app has its callback settings for as long as it exists. The secret stays at
// Sinch, as the destroy plan warned.
func (r *AppCallbackSettingsResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

// ImportState takes "<project ID>/<app ID>", or "<app ID>" with the provider's project, and ":write-only"
// for a configuration that uses secret_wo; or an identity, whose write_only says the same.
func (r *AppCallbackSettingsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var projectID, appID string
	var writeOnly bool
	var err error
	if req.ID == "" {
		var identity map[string]string
		identity, writeOnly = shared.ImportedIdentity(ctx, req.Identity, []string{shared.AttrProjectID, attrAppID}, &resp.Diagnostics)
		projectID, appID = identity[shared.AttrProjectID], identity[attrAppID]
	} else {
		var id string
		var named bool
		id, writeOnly, err = shared.ParseImportID(req.ID)
		if projectID, appID, named = strings.Cut(id, "/"); !named {
			projectID, appID = "", id
			if r.data != nil && !r.data.ProjectIDUnknown {
				projectID = r.data.ProjectID
			}
		}
	}
	switch {
	case err != nil || resp.Diagnostics.HasError():
	case projectID == "":
		err = errors.New("it names no project, and the provider has no project_id: import by \"<project ID>/<app ID>\"")
	default:
		err = errors.Join(shared.CheckProjectID(projectID), shared.CheckProjectID(appID))
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf(
			"Import sinch_%s by \"<project ID>/<app ID>\" or \"<app ID>\" (with the provider's project), with %q at the "+
				"end when the configuration uses secret_wo: %s.", appSettingsType, shared.WriteOnlyImportSuffix, err))
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attrAppID), appID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrID), projectID+"/"+appID)...)
	resp.Diagnostics.Append(shared.MarkImported(ctx, resp.Private, writeOnly)...)
}
