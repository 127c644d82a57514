package webhooks

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ datasource.DataSourceWithConfigure = &ConversationWebhooksDataSource{}

// ConversationWebhooksDataSource lists an app's webhooks, without their secrets: listing never copies
// a secret into state.
type ConversationWebhooksDataSource struct {
	data *shared.ProviderData
}

// NewConversationWebhooksDataSource returns the data source sinch_conversation_webhooks.
func NewConversationWebhooksDataSource() datasource.DataSource {
	return &ConversationWebhooksDataSource{}
}

// listedWebhookType is an entry of the list: what a webhook is, without its secrets.
var listedWebhookType = map[string]attr.Type{shared.AttrID: types.StringType, attrTarget: types.StringType,
	attrTargetType: types.StringType, attrTriggers: types.SetType{ElemType: types.StringType}}

func (d *ConversationWebhooksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_webhooks"
}

func (d *ConversationWebhooksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the **Conversation API webhooks** of an app (at most 5): their IDs, targets, target " +
			"types and triggers, and never their secrets, so that listing copies no secret into state. It calls `GET " +
			"/v1/projects/{project_id}/apps/{app_id}/webhooks`.",
		Attributes: map[string]schema.Attribute{
			attrAppID: schema.StringAttribute{MarkdownDescription: "The app.", Required: true,
				Validators: []validator.String{shared.StringCheck(checkWebhookID, "an app ID")}},
			shared.AttrProjectID: schema.StringAttribute{MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
				Optional: true, Computed: true, Validators: []validator.String{shared.ProjectIDValidator}},
			"webhooks": schema.ListNestedAttribute{
				MarkdownDescription: "The app's webhooks, in Sinch's order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					shared.AttrID:  schema.StringAttribute{MarkdownDescription: "The webhook's ID.", Computed: true},
					attrTarget:     schema.StringAttribute{MarkdownDescription: "The URL the callbacks go to.", Computed: true},
					attrTargetType: schema.StringAttribute{MarkdownDescription: "`HTTP` or `DISMISS`.", Computed: true},
					attrTriggers: schema.SetAttribute{MarkdownDescription: "The events whose callbacks it receives.",
						ElementType: types.StringType, Computed: true},
				}},
			},
		},
	}
}

func (d *ConversationWebhooksDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *ConversationWebhooksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	diags := &resp.Diagnostics
	calls := d.data.WebhookCalls(diags)
	if calls == nil {
		return
	}
	projectID := d.data.ProjectToRead(shared.GetString(ctx, req.Config, shared.AttrProjectID, diags), diags)
	appID := shared.GetString(ctx, req.Config, attrAppID, diags).ValueString()
	if projectID.IsNull() || diags.HasError() {
		return
	}
	hooks, err := calls.List(d.data.LogContext(ctx), projectID.ValueString(), appID)
	if err != nil {
		diags.Append(shared.APIErrorDiagnostic(webhookSubject(d.data, projectID.ValueString(), "", appID), "list", err))
		return
	}
	entries := []attr.Value{}
	for _, hook := range hooks {
		triggers, d := types.SetValueFrom(ctx, types.StringType, hook.Triggers)
		diags.Append(d...)
		entry, d := types.ObjectValue(listedWebhookType, map[string]attr.Value{shared.AttrID: types.StringValue(hook.ID),
			attrTarget: types.StringValue(hook.Target), attrTargetType: types.StringValue(orDefault(hook.TargetType, targetTypes[0])),
			attrTriggers: triggers})
		diags.Append(d...)
		entries = append(entries, entry)
	}
	list, listDiags := types.ListValue(types.ObjectType{AttrTypes: listedWebhookType}, entries)
	diags.Append(listDiags...)
	diags.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	diags.Append(resp.State.SetAttribute(ctx, path.Root(attrAppID), appID)...)
	diags.Append(resp.State.SetAttribute(ctx, path.Root("webhooks"), list)...)
}
