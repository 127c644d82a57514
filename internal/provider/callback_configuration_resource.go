package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

var (
	_ resource.ResourceWithConfigure   = &CallbackConfigurationResource{}
	_ resource.ResourceWithModifyPlan  = &CallbackConfigurationResource{}
	_ resource.ResourceWithImportState = &CallbackConfigurationResource{}
)

// CallbackConfigurationResource manages the HMAC secret of a project's callback configuration. The
// configuration exists for as long as the project does, so create adopts it and destroy leaves it.
type CallbackConfigurationResource struct {
	data *providerData
}

// CallbackConfigurationResourceModel is the resource's state.
type CallbackConfigurationResourceModel struct {
	ID         types.String `tfsdk:"id"`
	ProjectID  types.String `tfsdk:"project_id"`
	HMACSecret types.String `tfsdk:"hmac_secret"`
}

// NewCallbackConfigurationResource returns the resource sinch_callback_configuration.
func NewCallbackConfigurationResource() resource.Resource {
	return &CallbackConfigurationResource{}
}

func (r *CallbackConfigurationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_callback_configuration"
}

func (r *CallbackConfigurationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The callback configuration of a Sinch project: the HMAC secret with which Sinch signs " +
			"the `X-Sinch-Signature` header of every callback it sends for the project.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The project ID.",
				Computed:            true,
			},
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`. Changing it " +
					"replaces the resource: Terraform stops managing the old project's configuration and sets the new one's.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{projectIDValidator},
			},
			"hmac_secret": schema.StringAttribute{
				MarkdownDescription: "The HMAC secret with which Sinch signs callbacks (HMAC-SHA1 of the body). " +
					"Sensitive: hidden from plan output, but stored in state.",
				Required:   true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}
}

func (r *CallbackConfigurationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan fills project_id from the provider when the resource names none, so the plan shows the
// project that will be written, and replaces the resource when the project changes.
func (r *CallbackConfigurationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil {
		return
	}
	var configured types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("project_id"), &configured)...)
	projectID := resolveProjectID(configured, r.data, &resp.Diagnostics)
	if projectID.IsNull() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("project_id"), projectID)...)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), projectID)...)

	if !req.State.Raw.IsNull() {
		var prior types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("project_id"), &prior)...)
		// An unknown project may turn out to be another one, so it replaces too.
		if !prior.Equal(projectID) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("project_id"))
		}
	}
}

func (r *CallbackConfigurationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.put(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *CallbackConfigurationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.put(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// put writes the planned secret and records Sinch's answer; there is no read after the write, since
// the answer is the configuration.
func (r *CallbackConfigurationResource) put(ctx context.Context, plan tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics) {
	var planned CallbackConfigurationResourceModel
	diags.Append(plan.Get(ctx, &planned)...)
	if diags.HasError() {
		return
	}
	projectID := planned.ProjectID.ValueString()
	tflog.Debug(ctx, "Setting the callback configuration", map[string]any{"project_id": projectID})
	answer, err := r.data.client.UpdateCallbackConfiguration(ctx, projectID, planned.HMACSecret.ValueString())
	if err != nil {
		diags.Append(apiErrorDiagnostic("set", projectID, err))
		return
	}
	diags.Append(state.Set(ctx, newCallbackConfigurationResourceModel(projectID, answer))...)
}

func (r *CallbackConfigurationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var current CallbackConfigurationResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &current)...)
	if resp.Diagnostics.HasError() {
		return
	}
	projectID := current.ProjectID.ValueString()
	answer, err := r.data.client.CallbackConfiguration(ctx, projectID)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddWarning("Sinch project no longer exists", fmt.Sprintf(
			"Sinch says project %q does not exist, so Terraform removed its callback configuration from state. "+
				"The next plan proposes to set it again, which fails until the project exists.", projectID))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic("read", projectID, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, newCallbackConfigurationResourceModel(projectID, answer))...)
}

// Delete makes no call: the API cannot delete a callback configuration. The secret stays at Sinch.
func (r *CallbackConfigurationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var projectID types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("project_id"), &projectID)...)
	resp.Diagnostics.AddWarning("Callback configuration left in place at Sinch", fmt.Sprintf(
		"Sinch has no way to delete a callback configuration, so the HMAC secret of project %q stays as it is and "+
			"Sinch keeps signing callbacks with it. Terraform only stopped managing it. To make the old secret "+
			"useless, set a new one before removing the resource.", projectID.ValueString()))
}

// ImportState takes a project ID; Read then fetches the secret.
func (r *CallbackConfigurationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := checkProjectID(req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf(
			"Import sinch_callback_configuration by project ID: %s.", err))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("project_id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
}

func newCallbackConfigurationResourceModel(projectID string, answer *client.CallbackConfiguration) CallbackConfigurationResourceModel {
	// The project stays the one addressed, whatever form the answer gives it, so that it matches the plan.
	return CallbackConfigurationResourceModel{
		ID:         types.StringValue(projectID),
		ProjectID:  types.StringValue(projectID),
		HMACSecret: types.StringValue(answer.HMACSecret),
	}
}
