package numbers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ datasource.DataSourceWithConfigure = &ActiveNumbersDataSource{}

// ActiveNumbersDataSource lists the numbers a project has rented, with the Numbers API's filters,
// following every page.
type ActiveNumbersDataSource struct {
	numbersDataSource
}

// NewActiveNumbersDataSource returns the data source sinch_active_numbers.
func NewActiveNumbersDataSource() datasource.DataSource { return &ActiveNumbersDataSource{} }

// The filters of the list, and the list.
const (
	attrCapability    = "capability"
	attrActiveNumbers = "active_numbers"
)

// numberTypesOf are the types a number has at Sinch.
var numberTypesOf = []string{"MOBILE", "LOCAL", "TOLL_FREE"}

func (d *ActiveNumbersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_active_numbers"
}

func (d *ActiveNumbersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the **numbers a project has rented** (the Numbers API's active numbers), following " +
			"every page of Sinch's list: their links and callback URLs as they stand. It calls `GET " +
			"/v1/projects/{projectId}/activeNumbers`, with the filters set.",
		Attributes: map[string]schema.Attribute{
			shared.AttrProjectID: projectAttribute(),
			attrRegionCode: schema.StringAttribute{MarkdownDescription: "Only the numbers of this country, such as `US`.",
				Optional: true, Validators: []validator.String{stringvalidator.RegexMatches(regionCode, "an ISO 3166-1 alpha-2 country code, such as US")}},
			attrType: schema.StringAttribute{MarkdownDescription: "Only the numbers of this type: `MOBILE`, `LOCAL` or `TOLL_FREE`.",
				Optional: true, Validators: []validator.String{stringvalidator.OneOf(numberTypesOf...)}},
			attrCapability: schema.StringAttribute{MarkdownDescription: "Only the numbers with this capability: `SMS` or `VOICE`.",
				Optional: true, Validators: []validator.String{stringvalidator.OneOf("SMS", "VOICE")}},
			attrActiveNumbers: schema.ListNestedAttribute{
				MarkdownDescription: "The numbers, in Sinch's order.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: numberAttributes(false)},
			},
		},
	}
}

func (d *ActiveNumbersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	diags := &resp.Diagnostics
	calls, projectID := d.start(ctx, req.Config, diags)
	if calls == nil {
		return
	}
	filter := client.ActiveNumberFilter{
		RegionCode: shared.GetString(ctx, req.Config, attrRegionCode, diags).ValueString(),
		Type:       shared.GetString(ctx, req.Config, attrType, diags).ValueString(),
		Capability: shared.GetString(ctx, req.Config, attrCapability, diags).ValueString(),
	}
	numbers, err := calls.List(d.data.LogContext(ctx), projectID, filter)
	if err != nil {
		diags.Append(shared.APIErrorDiagnostic(numberSubject(d.data, projectID, ""), "list", err))
		return
	}
	entries := make([]attr.Value, len(numbers))
	for i := range numbers {
		entries[i] = types.ObjectValueMust(numberTypes, numberValues(&numbers[i]))
	}
	diags.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	diags.Append(resp.State.SetAttribute(ctx, path.Root(attrActiveNumbers), types.ListValueMust(types.ObjectType{AttrTypes: numberTypes}, entries))...)
}
