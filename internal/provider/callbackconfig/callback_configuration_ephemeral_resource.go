package callbackconfig

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ ephemeral.EphemeralResourceWithConfigure = &CallbackConfigurationEphemeralResource{}

// CallbackConfigurationEphemeralResource reads a project's secret for one Terraform run without
// storing it in the plan or the state.
type CallbackConfigurationEphemeralResource struct {
	api  callbackAPI
	data *shared.ProviderData
}

// CallbackConfigurationEphemeralResourceModel is the ephemeral resource's result.
type CallbackConfigurationEphemeralResourceModel struct {
	ProjectID  types.String `tfsdk:"project_id"`
	HMACSecret types.String `tfsdk:"hmac_secret"`
}

func (e *CallbackConfigurationEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + e.api.TypeName
}

func (e *CallbackConfigurationEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: e.api.ephemeralDescription(),
		Attributes: map[string]schema.Attribute{
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{shared.ProjectIDValidator},
			},
			"hmac_secret": schema.StringAttribute{
				MarkdownDescription: "The project's current HMAC secret; null when the project has none set.",
				Computed:            true,
				Sensitive:           true,
			},
		},
	}
}

func (e *CallbackConfigurationEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (e *CallbackConfigurationEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var config CallbackConfigurationEphemeralResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	projectID, secret, ok := readCallbackConfiguration(ctx, e.data, e.api, config.ProjectID, &resp.Diagnostics)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.Result.Set(ctx, CallbackConfigurationEphemeralResourceModel{
		ProjectID:  projectID,
		HMACSecret: secret,
	})...)
}
