package callbackconfig

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ datasource.DataSourceWithConfigure = &CallbackConfigurationDataSource{}

// CallbackConfigurationDataSource reads a project's callback configuration in one API.
type CallbackConfigurationDataSource struct {
	api  callbackAPI
	data *shared.ProviderData
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

func (d *CallbackConfigurationDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *CallbackConfigurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config CallbackConfigurationDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	projectID, secret, ok := readCallbackConfiguration(ctx, d.data, d.api, config.ProjectID, &resp.Diagnostics)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, CallbackConfigurationDataSourceModel{
		ID:         projectID,
		ProjectID:  projectID,
		HMACSecret: secret,
	})...)
}

// readCallbackConfiguration reads, in an API, the configuration of the project that a data source or
// ephemeral resource names (or the provider's default). The secret is null when the project has none
// set. It returns false after adding an error.
func readCallbackConfiguration(ctx context.Context, d *shared.ProviderData, api callbackAPI, configured types.String, diags *diag.Diagnostics) (projectID types.String, secret types.String, ok bool) {
	calls := d.CallbackConfigurations(api.CallbackAPI, diags)
	if calls == nil {
		return projectID, secret, false
	}
	if projectID = d.ProjectToRead(configured, diags); projectID.IsNull() {
		return projectID, secret, false
	}
	answer, err := calls.Get(d.LogContext(ctx), projectID.ValueString())
	if err != nil {
		diags.Append(shared.APIErrorDiagnostic(api.subject(projectID.ValueString(), d), "read", err))
		return projectID, secret, false
	}
	return projectID, shared.OptionalSecret(answer.HMACSecret), true
}
