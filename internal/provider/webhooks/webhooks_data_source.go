package webhooks

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ datasource.DataSourceWithConfigure = &WebhooksDataSource{}

// WebhooksDataSource lists the webhooks of a scope (an app's, or a project's), without their secrets:
// listing never copies a secret into state.
type WebhooksDataSource struct {
	api  webhookAPI
	data *shared.ProviderData
}

// NewConversationWebhooksDataSource returns the data source sinch_conversation_webhooks.
func NewConversationWebhooksDataSource() datasource.DataSource {
	return &WebhooksDataSource{api: conversation}
}

// NewProvisioningWebhooksDataSource returns the data source sinch_provisioning_webhooks.
func NewProvisioningWebhooksDataSource() datasource.DataSource {
	return &WebhooksDataSource{api: provisioning}
}

// listedType is an entry of the list: what a webhook is, without its secrets.
func (d *WebhooksDataSource) listedType() map[string]attr.Type {
	listed := map[string]attr.Type{shared.AttrID: types.StringType, attrTarget: types.StringType,
		attrTriggers: types.SetType{ElemType: types.StringType}}
	if d.api.has(attrTargetType) {
		listed[attrTargetType] = types.StringType
	}
	return listed
}

func (d *WebhooksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.api.TypeName + "s"
}

func (d *WebhooksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	entry := map[string]schema.Attribute{
		shared.AttrID: schema.StringAttribute{MarkdownDescription: "The webhook's ID.", Computed: true},
		attrTarget:    schema.StringAttribute{MarkdownDescription: "The URL the callbacks go to.", Computed: true},
		attrTriggers: schema.SetAttribute{MarkdownDescription: "The events whose callbacks it receives.",
			ElementType: types.StringType, Computed: true},
	}
	attributes := map[string]schema.Attribute{
		shared.AttrProjectID: schema.StringAttribute{MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
			Optional: true, Computed: true, Validators: []validator.String{shared.ProjectIDValidator}},
	}
	description := fmt.Sprintf("Lists the **%s API webhooks** of a project (at most %d), following every page of Sinch's "+
		"list: their IDs, targets and triggers, and never their secrets, so that listing copies no secret into state. It "+
		"calls `GET /v1/projects/{project_id}/webhooks`.", d.api.Name, d.api.Limit)
	if d.api.has(attrTargetType) {
		entry[attrTargetType] = schema.StringAttribute{MarkdownDescription: "`HTTP` or `DISMISS`.", Computed: true}
	}
	if d.api.ScopedByApp {
		attributes[attrAppID] = schema.StringAttribute{MarkdownDescription: "The app.", Required: true,
			Validators: []validator.String{shared.StringCheck(checkWebhookID, "an app ID")}}
		description = fmt.Sprintf("Lists the **%s API webhooks** of an app (at most %d): their IDs, targets, target "+
			"types and triggers, and never their secrets, so that listing copies no secret into state. It calls `GET "+
			"/v1/projects/{project_id}/apps/{app_id}/webhooks`.", d.api.Name, d.api.Limit)
	}
	attributes["webhooks"] = schema.ListNestedAttribute{
		MarkdownDescription: fmt.Sprintf("The %s's webhooks, in Sinch's order.", d.api.scopeKind()),
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: entry},
	}
	resp.Schema = schema.Schema{MarkdownDescription: description, Attributes: attributes}
}

func (d *WebhooksDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *WebhooksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	diags := &resp.Diagnostics
	calls := d.api.calls(d.data, diags)
	if calls == nil {
		return
	}
	projectID := d.data.ProjectToRead(shared.GetString(ctx, req.Config, shared.AttrProjectID, diags), diags)
	var appID string
	if d.api.ScopedByApp {
		appID = shared.GetString(ctx, req.Config, attrAppID, diags).ValueString()
	}
	if projectID.IsNull() || diags.HasError() {
		return
	}
	hooks, err := calls.List(d.data.LogContext(ctx), projectID.ValueString(), appID)
	if err != nil {
		diags.Append(shared.APIErrorDiagnostic(d.api.subject(d.data, projectID.ValueString(), "", appID), "list", err))
		return
	}
	listedType := d.listedType()
	entries := []attr.Value{}
	for _, hook := range hooks {
		triggers, d2 := types.SetValueFrom(ctx, types.StringType, hook.Triggers)
		diags.Append(d2...)
		values := map[string]attr.Value{shared.AttrID: types.StringValue(hook.ID), attrTarget: types.StringValue(hook.Target),
			attrTriggers: triggers}
		if d.api.has(attrTargetType) {
			values[attrTargetType] = types.StringValue(orDefault(hook.TargetType, targetTypes[0]))
		}
		entry, d3 := types.ObjectValue(listedType, values)
		diags.Append(d3...)
		entries = append(entries, entry)
	}
	list, listDiags := types.ListValue(types.ObjectType{AttrTypes: listedType}, entries)
	diags.Append(listDiags...)
	diags.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	if d.api.ScopedByApp {
		diags.Append(resp.State.SetAttribute(ctx, path.Root(attrAppID), appID)...)
	}
	diags.Append(resp.State.SetAttribute(ctx, path.Root("webhooks"), list)...)
}
