package voice

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ datasource.DataSourceWithConfigure = &ApplicationCallbacksDataSource{}

// ApplicationCallbacksDataSource reads a Voice application's callback URLs.
type ApplicationCallbacksDataSource struct {
	data *shared.ProviderData
}

// NewApplicationCallbacksDataSource returns the data source sinch_voice_application_callbacks.
func NewApplicationCallbacksDataSource() datasource.DataSource {
	return &ApplicationCallbacksDataSource{}
}

func (d *ApplicationCallbacksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + callbacksType
}

func (d *ApplicationCallbacksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the callback URLs of a Sinch Voice application, with one `GET` " +
			"`/v1/configuration/callbacks/applications/{applicationkey}` of the Voice API, signed with the application's " +
			"key and secret from the provider's `voice_applications`.",
		Attributes: map[string]schema.Attribute{
			shared.AttrID: schema.StringAttribute{MarkdownDescription: "The application key.", Computed: true},
			attrKey: schema.StringAttribute{MarkdownDescription: keyDescription, Required: true,
				Validators: []validator.String{keyValidator}},
			attrPrimaryURL:  schema.StringAttribute{MarkdownDescription: primaryDescription + " Null when none is set.", Computed: true},
			attrFallbackURL: schema.StringAttribute{MarkdownDescription: fallbackDescription + " Null when none is set.", Computed: true},
		},
	}
}

func (d *ApplicationCallbacksDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *ApplicationCallbacksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	diags := &resp.Diagnostics
	config := shared.ViewOf(req.Config.Raw)
	key := shared.GetString(ctx, config, attrKey, diags).ValueString()
	calls := d.data.VoiceCalls(key, diags)
	if diags.HasError() {
		return
	}
	urls, err := calls.CallbackURLs(d.data.LogContext(ctx), key)
	if err != nil {
		diags.Append(errorDiagnostic(d.data, key, "read", err))
		return
	}
	setURLs(ctx, config, key, urls, diags)
	if !diags.HasError() {
		resp.State.Raw = config.Value()
	}
}
