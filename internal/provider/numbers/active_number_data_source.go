package numbers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ datasource.DataSourceWithConfigure = &ActiveNumberDataSource{}

// ActiveNumberDataSource reads one number a project has rented.
type ActiveNumberDataSource struct {
	numbersDataSource
}

// numbersDataSource is what the data sources of numbers share: the provider's data, and the start of a
// read.
type numbersDataSource struct {
	data *shared.ProviderData
}

func (d *numbersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

// start is what a read needs: the calls, and the project, the data source's or else the provider's; nil
// after an error.
func (d *numbersDataSource) start(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (*client.ActiveNumbers, string) {
	calls := d.data.ActiveNumbersCalls(diags)
	if calls == nil {
		return nil, ""
	}
	projectID := d.data.ProjectToRead(shared.GetString(ctx, config, shared.AttrProjectID, diags), diags)
	if projectID.IsNull() || diags.HasError() {
		return nil, ""
	}
	return calls, projectID.ValueString()
}

// NewActiveNumberDataSource returns the data source sinch_active_number.
func NewActiveNumberDataSource() datasource.DataSource { return &ActiveNumberDataSource{} }

func (d *ActiveNumberDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_active_number"
}

// numberAttributes are what the data sources tell of a number, all computed but phone_number when
// phoneNumberRequired: the attributes of numberValues.
func numberAttributes(phoneNumberRequired bool) map[string]schema.Attribute {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	phoneNumber := computed("The number, in E.164 format.")
	if phoneNumberRequired {
		phoneNumber = schema.StringAttribute{MarkdownDescription: "The number, in E.164 format with its `+`, such as `+12025550100`.",
			Required: true, Validators: []validator.String{shared.StringCheck(checkPhoneNumber, phoneNumberDescription)}}
	}
	return map[string]schema.Attribute{
		attrPhoneNumber: phoneNumber,
		attrDisplayName: computed("The number's name in the Sinch dashboard, if any."),
		attrCallbackURL: computed("The URL that receives the number's provisioning events, if any."),
		attrRegionCode:  computed("The number's country, such as `US`."),
		attrType:        computed("`MOBILE`, `LOCAL` or `TOLL_FREE`."),
		attrCapabilities: schema.SetAttribute{MarkdownDescription: "`SMS`, `VOICE` or both.", ElementType: types.StringType,
			Computed: true},
		attrSMS: schema.SingleNestedAttribute{
			MarkdownDescription: "The SMS link that stands (not one being provisioned); none without SMS capability.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				attrServicePlanID: computed("The SMS service plan; `\"\"` when the number is linked to none."),
				attrCampaignID:    computed("The 10DLC campaign, if any."),
			},
		},
		attrVoice: schema.SingleNestedAttribute{
			MarkdownDescription: "The voice link that stands (not one being provisioned); none without voice capability.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				attrType:      computed("`RTC`, `EST` or `FAX`."),
				attrAppID:     computed("The Voice app, with `RTC`."),
				attrTrunkID:   computed("The SIP trunk, with `EST`."),
				attrServiceID: computed("The fax service, with `FAX`."),
			},
		},
	}
}

// projectAttribute is the project a data source reads.
func projectAttribute() schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
		Optional: true, Computed: true, Validators: []validator.String{shared.ProjectIDValidator}}
}

func (d *ActiveNumberDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := numberAttributes(true)
	attributes[shared.AttrProjectID] = projectAttribute()
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a **number the project has rented** (the Numbers API's active numbers): its links and " +
			"callback URL as they stand. It calls `GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}`.",
		Attributes: attributes,
	}
}

func (d *ActiveNumberDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	diags := &resp.Diagnostics
	calls, projectID := d.start(ctx, req.Config, diags)
	if calls == nil {
		return
	}
	phoneNumber := shared.GetString(ctx, req.Config, attrPhoneNumber, diags).ValueString()
	number, err := calls.Get(d.data.LogContext(ctx), projectID, phoneNumber)
	switch {
	case client.IsNotFound(err) && !aboutAProject(err):
		diags.Append(notRented(projectID, phoneNumber, err, ""))
		return
	case err != nil:
		diags.Append(shared.APIErrorDiagnostic(numberSubject(d.data, projectID, phoneNumber), "read", err))
		return
	}
	setNumber(ctx, number, &resp.State, diags)
	diags.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
}
