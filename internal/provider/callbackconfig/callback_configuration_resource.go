package callbackconfig

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var (
	_ resource.ResourceWithConfigure        = &CallbackConfigurationResource{}
	_ resource.ResourceWithModifyPlan       = &CallbackConfigurationResource{}
	_ resource.ResourceWithImportState      = &CallbackConfigurationResource{}
	_ resource.ResourceWithConfigValidators = &CallbackConfigurationResource{}
	_ resource.ResourceWithIdentity         = &CallbackConfigurationResource{}
)

// CallbackConfigurationResource manages the HMAC secret of a project's callback configuration in one
// API. The configuration exists for as long as the project does, so create adopts it and destroy
// leaves it.
type CallbackConfigurationResource struct {
	api  callbackAPI
	data *shared.ProviderData
}

// hmacSecret is the secret a callback configuration sets: hmac_secret, or hmac_secret_wo with
// hmac_secret_wo_version, and hmac_secret_wo_status.
var hmacSecret = shared.SecretArgument{Parent: path.Empty(), Name: "hmac_secret"}

func (r *CallbackConfigurationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.api.TypeName
	// A move to another project is in place, and write_only follows the form of the secret: see
	// shared/identity.go.
	resp.ResourceBehavior = resource.ResourceBehavior{MutableIdentity: true}
}

// IdentitySchema is project_id, and write_only (see shared/identity.go).
func (r *CallbackConfigurationResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = shared.IdentitySchema(nil)
}

func (r *CallbackConfigurationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := map[string]schema.Attribute{
		shared.AttrID: schema.StringAttribute{
			MarkdownDescription: "The project ID.",
			Computed:            true,
		},
		shared.AttrProjectID: schema.StringAttribute{
			MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`. Changing it moves the " +
				"resource to the other project in place: the new project gets the configured secret, and the old " +
				"one keeps the secret it has (a plan warns of it).",
			Optional:   true,
			Computed:   true,
			Validators: []validator.String{shared.ProjectIDValidator},
		},
	}
	maps.Copy(attributes, hmacSecret.Attributes(
		"The HMAC secret with which Sinch signs callbacks (HMAC-SHA1 of the body)", "Set this or `%s`."))
	resp.Schema = schema.Schema{MarkdownDescription: r.api.resourceDescription(), Attributes: attributes}
}

func (r *CallbackConfigurationResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{shared.SecretForms{Secret: hmacSecret, Required: true}}
}

func (r *CallbackConfigurationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

// about names a project's configuration in messages.
func (r *CallbackConfigurationResource) about(projectID types.String) string {
	if projectID.IsUnknown() {
		return fmt.Sprintf("in the %s API", r.api.Name)
	}
	return fmt.Sprintf("for project %q in the %s API", projectID.ValueString(), r.api.Name)
}

func (r *CallbackConfigurationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	state := r.apply(ctx, shared.ViewOf(req.Config.Raw), shared.ViewOf(req.Plan.Raw), nil, resp.Private, &resp.Diagnostics)
	r.save(ctx, state, &resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *CallbackConfigurationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	state := r.apply(ctx, shared.ViewOf(req.Config.Raw), shared.ViewOf(req.Plan.Raw), shared.ViewOf(req.State.Raw), resp.Private, &resp.Diagnostics)
	r.save(ctx, state, &resp.State, resp.Identity, &resp.Diagnostics)
}

// save makes the new state, and its identity, of what apply gave (nil when it failed).
func (r *CallbackConfigurationResource) save(ctx context.Context, state *shared.View, to *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if state == nil || diags.HasError() {
		return
	}
	to.Raw = state.Value()
	r.setIdentity(ctx, state, identity, diags)
}

// setIdentity records the identity of the state: its project, and whether its secret is write-only.
func (r *CallbackConfigurationResource) setIdentity(ctx context.Context, state shared.AttributeGetter, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if diags.HasError() {
		return
	}
	shared.SetIdentity(ctx, identity, map[string]any{
		shared.AttrProjectID:     shared.GetString(ctx, state, shared.AttrProjectID, diags),
		shared.IdentityWriteOnly: !shared.GetStringAt(ctx, state, hmacSecret.Status(), diags).IsNull(),
	}, diags)
}

// apply writes the configured secret when the rules of secretRules (in shared) say so (always on create
// and after a move to another project), and records it once Sinch's answer confirms it: the secret
// itself with hmac_secret, only its digest (in private state) with hmac_secret_wo. There is no read after
// the write, since the answer is the configuration. prior is the state before: nil on create. It returns
// the new state, or nil after adding an error.
func (r *CallbackConfigurationResource) apply(ctx context.Context, config, plan, prior *shared.View, private shared.PrivateState, diags *diag.Diagnostics) *shared.View {
	calls := r.data.CallbackConfigurations(r.api.CallbackAPI, diags)
	projectID := shared.GetString(ctx, plan, shared.AttrProjectID, diags)
	existing := prior != nil
	moved := existing && !shared.GetString(ctx, prior, shared.AttrProjectID, diags).Equal(projectID)
	if !existing {
		prior = plan // not read: existing is false
	}
	secret, rule := hmacSecret.Apply(ctx, config, prior, existing, private, moved, diags)
	if diags.HasError() {
		return nil
	}
	ctx = r.data.LogContext(ctx, secret.Configured.ValueString())
	tflog.Debug(ctx, "Setting the callback configuration", map[string]any{
		"project_id": projectID.ValueString(), "write_only": secret.WriteOnly, "write": rule.Write, "rule": rule.Rule,
	})
	if rule.Write {
		if _, err := calls.Update(ctx, projectID.ValueString(), secret.Configured.ValueString()); err != nil {
			diags.Append(shared.APIErrorDiagnostic(r.api.subject(projectID.ValueString(), r.data), "set", err))
			return nil
		}
	}
	// The client returned only once Sinch's answer named the secret sent, or none: what was sent is
	// what Sinch holds.
	state := shared.ViewOf(plan.Raw())
	diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrID), projectID)...)
	hmacSecret.Record(ctx, secret, rule, rule.Write, state, private, diags)
	diags.Append(private.SetKey(ctx, shared.ImportedKey, nil)...)
	return state
}

// Read refreshes the state from Sinch. In write-only form it stores no secret, only whether Sinch
// still holds the one last written. Like the other hot paths, it reads and writes single attributes
// rather than the whole model: see shared/attributes.go.
func (r *CallbackConfigurationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	calls := r.data.CallbackConfigurations(r.api.CallbackAPI, &resp.Diagnostics)
	state := shared.ViewOf(req.State.Raw)
	projectID := shared.GetString(ctx, state, shared.AttrProjectID, &resp.Diagnostics)
	secret := shared.GetString(ctx, state, hmacSecret.Name, &resp.Diagnostics)
	imported, importDiags := req.Private.GetKey(ctx, shared.ImportedKey)
	resp.Diagnostics.Append(importDiags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx = r.data.LogContext(ctx, secret.ValueString())
	answer, err := calls.Get(ctx, projectID.ValueString())
	switch {
	case client.IsNotFound(err) && imported != nil:
		resp.Diagnostics.Append(shared.ImportNotFound(r.api.terraformType(), fmt.Sprintf("project %q", projectID.ValueString()), shared.InWords(err), ""))
		return
	case client.IsNotFound(err):
		resp.Diagnostics.AddWarning("Sinch project no longer exists", fmt.Sprintf(
			"Sinch says project %q does not exist, so Terraform removed its callback configuration from state. "+
				"The next plan proposes to set it again, which fails until the project exists.", projectID.ValueString()))
		// The framework wants an identity after any read, that of an object gone included.
		r.setIdentity(ctx, state, resp.Identity, &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	case err != nil:
		resp.Diagnostics.Append(shared.APIErrorDiagnostic(r.api.subject(projectID.ValueString(), r.data), "read", err))
		return
	}
	// Sinch's answer without a secret says that the project has none set.
	hmacSecret.Refresh(ctx, &answer.HMACSecret, string(imported) == shared.ImportedWriteOnly, state, resp.Private, &resp.Diagnostics)
	if imported != nil {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, shared.ImportedKey, nil)...)
	}
	// A state written before identities gains one here.
	r.save(ctx, state, &resp.State, resp.Identity, &resp.Diagnostics)
}

// Delete makes no call: the API cannot delete a callback configuration. The secret stays at Sinch, as
// the destroy plan warned.
func (r *CallbackConfigurationResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

// ImportState takes a project ID, which imports the secret into state (as hmac_secret keeps it), or
// "<project ID>:write-only", which imports only a digest of it (as hmac_secret_wo keeps it); or an
// identity, whose write_only says the same. Import cannot see the configuration, so the ID or the
// identity says which. The read that follows fetches the secret.
func (r *CallbackConfigurationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var projectID string
	var writeOnly bool
	var err error
	if req.ID == "" {
		var identity map[string]string
		identity, writeOnly = shared.ImportedIdentity(ctx, req.Identity, []string{shared.AttrProjectID}, &resp.Diagnostics)
		projectID = identity[shared.AttrProjectID]
	} else {
		projectID, writeOnly, err = shared.ParseImportID(req.ID)
	}
	if err == nil && !resp.Diagnostics.HasError() {
		err = shared.CheckProjectID(projectID)
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf(
			"Import %s by project ID, or by \"<project ID>%s\" when the configuration uses hmac_secret_wo: %s.",
			r.api.terraformType(), shared.WriteOnlyImportSuffix, err))
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrID), projectID)...)
	resp.Diagnostics.Append(shared.MarkImported(ctx, resp.Private, writeOnly)...)
}
