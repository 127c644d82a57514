package callbackconfig

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	eschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var (
	_ datasource.DataSourceWithConfigure       = &AppCallbackSettingsDataSource{}
	_ ephemeral.EphemeralResourceWithConfigure = &AppCallbackSettingsEphemeralResource{}
)

// appSettingsModel is what the data source and the ephemeral resource sinch_conversation_app_callback_settings
// answer (the ephemeral resource has no id).
type appSettingsModel struct {
	ProjectID types.String `tfsdk:"project_id"`
	AppID     types.String `tfsdk:"app_id"`
	Secret    types.String `tfsdk:"secret"`
}

type appSettingsDataSourceModel struct {
	ID types.String `tfsdk:"id"`
	appSettingsModel
}

const (
	appSettingsProjectDescription = "The Sinch project of the app. Defaults to the provider's `project_id`."
	appSettingsAppDescription     = "The Conversation API app."
	appSettingsSecretDescription  = "The app's secret for overridden callback URLs (Sinch's " +
		"`callback_settings.secret_for_overridden_callback_urls`); null when the app has none, or when Sinch's answer " +
		"says nothing of it, which the read then warns of."
)

// readAppSettings reads the app that a data source or ephemeral resource names. It returns false after
// adding an error.
func readAppSettings(ctx context.Context, d *shared.ProviderData, config appSettingsModel, diags *diag.Diagnostics) (appSettingsModel, bool) {
	calls := d.AppCallbackSettingsCalls(diags)
	if calls == nil {
		return config, false
	}
	if config.ProjectID = d.ProjectToRead(config.ProjectID, diags); config.ProjectID.IsNull() {
		return config, false
	}
	projectID, appID := config.ProjectID.ValueString(), config.AppID.ValueString()
	answer, err := calls.Get(d.LogContext(ctx), projectID, appID)
	if err != nil {
		diags.Append(shared.APIErrorDiagnostic(appSubject(d, projectID, appID), "read", err))
		return config, false
	}
	config.Secret = types.StringNull()
	if answer.Secret == nil {
		diags.AddWarning("Sinch did not answer the secret", fmt.Sprintf(
			"Sinch's answer for app %q of project %q says nothing of its secret for overridden callback URLs, so "+
				"secret is null: it does not tell whether the app has one.", appID, projectID))
	} else {
		config.Secret = shared.OptionalSecret(*answer.Secret)
	}
	return config, true
}

// AppCallbackSettingsDataSource reads an app's secret for overridden callback URLs into the state.
type AppCallbackSettingsDataSource struct{ data *shared.ProviderData }

// NewAppCallbackSettingsDataSource returns the data source sinch_conversation_app_callback_settings.
func NewAppCallbackSettingsDataSource() datasource.DataSource {
	return &AppCallbackSettingsDataSource{}
}

func (d *AppCallbackSettingsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + appSettingsType
}

func (d *AppCallbackSettingsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Reads the **secret for overridden callback URLs** of a Conversation API app, which signs " +
			"the delivery receipts of messages sent with a `callback_url` of their own, into the state. To use it " +
			"without storing it, use the ephemeral resource of the same name.",
		Attributes: map[string]dschema.Attribute{
			shared.AttrID: dschema.StringAttribute{MarkdownDescription: "`<project ID>/<app ID>`.", Computed: true},
			shared.AttrProjectID: dschema.StringAttribute{MarkdownDescription: appSettingsProjectDescription,
				Optional: true, Computed: true, Validators: []validator.String{shared.ProjectIDValidator}},
			attrAppID: dschema.StringAttribute{MarkdownDescription: appSettingsAppDescription, Required: true,
				Validators: []validator.String{shared.StringCheck(shared.CheckProjectID, "an app ID")}},
			appSecret.Name: dschema.StringAttribute{MarkdownDescription: appSettingsSecretDescription, Computed: true, Sensitive: true},
		},
	}
}

func (d *AppCallbackSettingsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *AppCallbackSettingsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config appSettingsDataSourceModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &config)...); resp.Diagnostics.HasError() {
		return
	}
	read, ok := readAppSettings(ctx, d.data, config.appSettingsModel, &resp.Diagnostics)
	if !ok {
		return
	}
	id := types.StringValue(read.ProjectID.ValueString() + "/" + read.AppID.ValueString())
	resp.Diagnostics.Append(resp.State.Set(ctx, appSettingsDataSourceModel{ID: id, appSettingsModel: read})...)
}

// AppCallbackSettingsEphemeralResource reads an app's secret for overridden callback URLs for one
// Terraform run, without storing it in the plan or the state.
type AppCallbackSettingsEphemeralResource struct{ data *shared.ProviderData }

// NewAppCallbackSettingsEphemeralResource returns the ephemeral resource sinch_conversation_app_callback_settings.
func NewAppCallbackSettingsEphemeralResource() ephemeral.EphemeralResource {
	return &AppCallbackSettingsEphemeralResource{}
}

func (e *AppCallbackSettingsEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + appSettingsType
}

func (e *AppCallbackSettingsEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = eschema.Schema{
		MarkdownDescription: "Reads the **secret for overridden callback URLs** of a Conversation API app for one " +
			"Terraform run, without storing it in the plan or the state: to hand it to the configuration of a " +
			"handler, through a write-only argument.",
		Attributes: map[string]eschema.Attribute{
			shared.AttrProjectID: eschema.StringAttribute{MarkdownDescription: appSettingsProjectDescription,
				Optional: true, Computed: true, Validators: []validator.String{shared.ProjectIDValidator}},
			attrAppID: eschema.StringAttribute{MarkdownDescription: appSettingsAppDescription, Required: true,
				Validators: []validator.String{shared.StringCheck(shared.CheckProjectID, "an app ID")}},
			appSecret.Name: eschema.StringAttribute{MarkdownDescription: appSettingsSecretDescription, Computed: true, Sensitive: true},
		},
	}
}

func (e *AppCallbackSettingsEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (e *AppCallbackSettingsEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var config appSettingsModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &config)...); resp.Diagnostics.HasError() {
		return
	}
	if read, ok := readAppSettings(ctx, e.data, config, &resp.Diagnostics); ok {
		resp.Diagnostics.Append(resp.Result.Set(ctx, read)...)
	}
}
