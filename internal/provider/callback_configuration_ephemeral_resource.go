package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ ephemeral.EphemeralResourceWithConfigure = &CallbackConfigurationEphemeralResource{}

// CallbackConfigurationEphemeralResource reads a project's secret for one Terraform run without
// storing it in the plan or the state.
type CallbackConfigurationEphemeralResource struct {
	data *providerData
}

// CallbackConfigurationEphemeralResourceModel is the ephemeral resource's result.
type CallbackConfigurationEphemeralResourceModel struct {
	ProjectID  types.String `tfsdk:"project_id"`
	HMACSecret types.String `tfsdk:"hmac_secret"`
}

// NewCallbackConfigurationEphemeralResource returns the ephemeral resource sinch_callback_configuration.
func NewCallbackConfigurationEphemeralResource() ephemeral.EphemeralResource {
	return &CallbackConfigurationEphemeralResource{}
}

func (e *CallbackConfigurationEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_callback_configuration"
}

func (e *CallbackConfigurationEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the current HMAC secret of a Sinch project's callback configuration for the " +
			"length of one Terraform run, without storing it in the plan or the state. Use it in write-only " +
			"arguments (such as `hmac_secret_wo`) or in provider blocks. Needs Terraform 1.10 or later.",
		Attributes: map[string]schema.Attribute{
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{projectIDValidator},
			},
			"hmac_secret": schema.StringAttribute{
				MarkdownDescription: "The project's current HMAC secret.",
				Computed:            true,
				Sensitive:           true,
			},
		},
	}
}

func (e *CallbackConfigurationEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (e *CallbackConfigurationEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var config CallbackConfigurationEphemeralResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	projectID, secret, ok := e.data.readCallbackConfiguration(ctx, config.ProjectID, &resp.Diagnostics)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.Result.Set(ctx, CallbackConfigurationEphemeralResourceModel{
		ProjectID:  projectID,
		HMACSecret: secret,
	})...)
}
