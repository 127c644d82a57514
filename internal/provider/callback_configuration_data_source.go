package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = &CallbackConfigurationDataSource{}

// CallbackConfigurationDataSource reads a project's callback configuration in one API.
type CallbackConfigurationDataSource struct {
	api  callbackAPI
	data *providerData
}

// CallbackConfigurationDataSourceModel is the data source's state.
type CallbackConfigurationDataSourceModel struct {
	ID         types.String `tfsdk:"id"`
	ProjectID  types.String `tfsdk:"project_id"`
	HMACSecret types.String `tfsdk:"hmac_secret"`
}

func (d *CallbackConfigurationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.api.TypeName
}

func (d *CallbackConfigurationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: d.api.dataSourceDescription(),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The project ID.",
				Computed:            true,
			},
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{projectIDValidator},
			},
			"hmac_secret": schema.StringAttribute{
				MarkdownDescription: "The project's current HMAC secret; null when the project has none set.",
				Computed:            true,
				Sensitive:           true,
			},
		},
	}
}

func (d *CallbackConfigurationDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *CallbackConfigurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config CallbackConfigurationDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	projectID, secret, ok := d.data.readCallbackConfiguration(ctx, d.api, config.ProjectID, &resp.Diagnostics)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, CallbackConfigurationDataSourceModel{
		ID:         projectID,
		ProjectID:  projectID,
		HMACSecret: secret,
	})...)
}
