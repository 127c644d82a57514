package voice

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var (
	_ resource.ResourceWithConfigure   = &ApplicationCallbacksResource{}
	_ resource.ResourceWithModifyPlan  = &ApplicationCallbacksResource{}
	_ resource.ResourceWithImportState = &ApplicationCallbacksResource{}
	_ resource.ResourceWithIdentity    = &ApplicationCallbacksResource{}
)

// ApplicationCallbacksResource manages a Voice application's callback URLs: a per-application
// singleton, which every application has for as long as it exists (made in the dashboard), so that
// create sets the URLs the application has, and destroy leaves them (there is no delete at Sinch). The
// plan of a create reads the URLs it replaces and warns of them (see ModifyPlan).
type ApplicationCallbacksResource struct {
	data *shared.ProviderData
}

// NewApplicationCallbacksResource returns the resource sinch_voice_application_callbacks.
func NewApplicationCallbacksResource() resource.Resource { return &ApplicationCallbacksResource{} }

// Metadata names the type. Its identity is the application key alone, which a change replaces: it is not
// mutable.
func (r *ApplicationCallbacksResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + callbacksType
}

// IdentitySchema is application_key: no project (a Voice application's key is all its calls name) and no
// write_only (the type has no secret of its own).
func (r *ApplicationCallbacksResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		attrKey: identityschema.StringAttribute{RequiredForImport: true, Description: "The Voice application's key."},
	}}
}

func (r *ApplicationCallbacksResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The **callback URLs** of a Sinch Voice application: where Sinch sends the application's " +
			"call events and asks what to do with its calls. It calls `GET` and `POST` " +
			"`/v1/configuration/callbacks/applications/{applicationkey}` of the Voice API, each request signed with the " +
			"application's key and secret from the provider's `voice_applications`. Sinch has no delete: destroy " +
			"leaves the URLs as they are.",
		Attributes: map[string]schema.Attribute{
			shared.AttrID: schema.StringAttribute{
				MarkdownDescription: "The application key.",
				Computed:            true,
			},
			attrKey: schema.StringAttribute{
				MarkdownDescription: keyDescription + " Changing it replaces the resource.",
				Required:            true,
				Validators:          []validator.String{keyValidator},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			attrPrimaryURL: schema.StringAttribute{
				MarkdownDescription: primaryDescription + " `https://` (a plan warns of `http://`).",
				Required:            true,
				Validators:          []validator.String{urlValidator},
			},
			attrFallbackURL: schema.StringAttribute{
				MarkdownDescription: fallbackDescription + " `https://` (a plan warns of `http://`). Without it, the " +
					"application has no fallback: the apply sends an empty one, to clear one set in the dashboard (Sinch does not " +
					"document how it reads an empty fallback: this page says what is assumed).",
				Optional:   true,
				Validators: []validator.String{urlValidator},
			},
		},
	}
}

func (r *ApplicationCallbacksResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *ApplicationCallbacksResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.set(ctx, shared.ViewOf(req.Plan.Raw), &resp.State, resp.Identity, resp.Private, &resp.Diagnostics)
}

func (r *ApplicationCallbacksResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.set(ctx, shared.ViewOf(req.Plan.Raw), &resp.State, resp.Identity, resp.Private, &resp.Diagnostics)
}

// set makes the application's URLs the planned ones, with one POST of both (an empty fallback for none),
// and records them. Sinch answers with an empty body, so nothing of the answer is read: the next refresh
// shows what Sinch holds.
func (r *ApplicationCallbacksResource) set(ctx context.Context, plan *shared.View, state *tfsdk.State, identity *tfsdk.ResourceIdentity,
	private shared.PrivateState, diags *diag.Diagnostics) {
	key := shared.GetString(ctx, plan, attrKey, diags).ValueString()
	urls := client.VoiceCallbackURLs{Primary: shared.GetString(ctx, plan, attrPrimaryURL, diags).ValueString(),
		Fallback: shared.GetString(ctx, plan, attrFallbackURL, diags).ValueString()}
	calls := r.data.VoiceCalls(key, diags)
	if diags.HasError() {
		return
	}
	ctx = r.data.LogContext(ctx)
	tflog.Debug(ctx, "Setting a Voice application's callback URLs", map[string]any{"application_key": key, "fallback": urls.Fallback != ""})
	if err := calls.SetCallbackURLs(ctx, key, urls); err != nil {
		diags.Append(errorDiagnostic(r.data, key, "set", err))
		return
	}
	diags.Append(plan.SetAttribute(ctx, path.Root(shared.AttrID), key)...)
	diags.Append(private.SetKey(ctx, shared.ImportedKey, nil)...)
	save(ctx, plan, state, identity, diags)
}

// save makes the new state, and its identity, of a view.
func save(ctx context.Context, view *shared.View, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if diags.HasError() {
		return
	}
	state.Raw = view.Value()
	shared.SetIdentity(ctx, identity, map[string]any{attrKey: shared.GetString(ctx, view, attrKey, diags)}, diags)
}

// Read refreshes the URLs from Sinch. Sinch's "invalid application key" for an application the state
// has means that it was deleted (or its key changed): the resource leaves the state, with a warning,
// rather than fail every plan, destroy included; right after an import, it is an error. Without the
// application's secret, the state stays as it is, with a warning, so that a destroy needs no secret.
func (r *ApplicationCallbacksResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	diags := &resp.Diagnostics
	state := shared.ViewOf(req.State.Raw)
	key := shared.GetString(ctx, state, attrKey, diags).ValueString()
	imported, importDiags := req.Private.GetKey(ctx, shared.ImportedKey)
	diags.Append(importDiags...)
	if r.data.NoVoiceSecret(key) && imported == nil {
		// A destroy sends nothing, and needs no secret: its refresh must not either. A resource that stays
		// in the configuration gets the error at plan (see ModifyPlan).
		diags.AddWarning("Callback URLs not refreshed", fmt.Sprintf(
			"The provider has no secret for Voice application %q, so Terraform could not read its callback URLs, and "+
				"keeps what the state has. Destroying the resource needs none, as it sends nothing; to manage the URLs, "+
				"give the application's secret in the provider's %s (or %s).", key, shared.VoiceApplicationsSetting,
			shared.VoiceSecretFromEnv))
		save(ctx, state, &resp.State, resp.Identity, diags)
		return
	}
	calls := r.data.VoiceCalls(key, diags)
	if diags.HasError() {
		return
	}
	urls, err := calls.CallbackURLs(r.data.LogContext(ctx), key)
	switch {
	case isUnknownApplication(err) && imported != nil:
		diags.Append(shared.ImportNotFound("sinch_"+callbacksType, fmt.Sprintf("Voice application %q", key), shared.InWords(err),
			"Copy the application key from the Sinch dashboard (Voice, Apps)."))
		return
	case isUnknownApplication(err):
		diags.AddWarning("Voice application not known to Sinch", fmt.Sprintf(
			"Sinch answered that it does not know Voice application %q (%s): the application was deleted, or "+
				"voice_api_url names another Voice API. Terraform removed its callback URLs from state; the next plan "+
				"proposes to set them again, which fails until application_key names an application Sinch knows.",
			key, shared.InWords(err)))
		// The framework wants an identity after a read without an error, also of a resource it forgets.
		save(ctx, state, &resp.State, resp.Identity, diags)
		resp.State.RemoveResource(ctx)
		return
	case err != nil:
		diags.Append(errorDiagnostic(r.data, key, "read", err))
		return
	}
	setURLs(ctx, state, key, urls, diags)
	if imported != nil {
		diags.Append(resp.Private.SetKey(ctx, shared.ImportedKey, nil)...)
	}
	save(ctx, state, &resp.State, resp.Identity, diags)
}

// setURLs records what Sinch answered of an application's URLs, in the resource's state or the data
// source's: a URL that is not set is null.
func setURLs(ctx context.Context, to shared.AttributeAccess, key string, urls *client.VoiceCallbackURLs, diags *diag.Diagnostics) {
	diags.Append(to.SetAttribute(ctx, path.Root(shared.AttrID), key)...)
	diags.Append(to.SetAttribute(ctx, path.Root(attrPrimaryURL), nullIfEmpty(urls.Primary))...)
	diags.Append(to.SetAttribute(ctx, path.Root(attrFallbackURL), nullIfEmpty(urls.Fallback))...)
}

func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// Delete makes no call: Sinch cannot delete an application's callback URLs. They stay as they are, as
// the destroy plan warned.
func (r *ApplicationCallbacksResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

// ImportState takes the application key, or an identity that names it.
func (r *ApplicationCallbacksResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	key := req.ID
	if key == "" {
		key = shared.IdentityValues(ctx, req.Identity, []string{attrKey}, &resp.Diagnostics)[attrKey]
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if err := shared.CheckApplicationKey(key); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf(
			"Import sinch_%s by the Voice application's key, such as 5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a: %s.", callbacksType, err))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attrKey), key)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrID), key)...)
	resp.Diagnostics.Append(shared.MarkImported(ctx, resp.Private, false)...)
}
