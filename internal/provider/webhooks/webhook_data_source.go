package webhooks

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ datasource.DataSourceWithConfigure = &WebhookDataSource{}

// WebhookDataSource reads one webhook of an API of webhookAPIs, its secrets included where Sinch
// answers them.
type WebhookDataSource struct {
	api  webhookAPI
	data *shared.ProviderData
}

// NewConversationWebhookDataSource returns the data source sinch_conversation_webhook.
func NewConversationWebhookDataSource() datasource.DataSource {
	return &WebhookDataSource{api: conversation}
}

// NewProvisioningWebhookDataSource returns the data source sinch_provisioning_webhook.
func NewProvisioningWebhookDataSource() datasource.DataSource {
	return &WebhookDataSource{api: provisioning}
}

func (d *WebhookDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.api.TypeName
}

func (d *WebhookDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	secret := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description + " Null when Sinch's answer does not say it " +
			"(Sinch does not document whether it does).", Computed: true, Sensitive: true}
	}
	attributes := map[string]schema.Attribute{
		shared.AttrID: schema.StringAttribute{MarkdownDescription: "The webhook's ID.", Required: true,
			Validators: []validator.String{shared.StringCheck(checkWebhookID, "a webhook ID")}},
		shared.AttrProjectID: schema.StringAttribute{MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
			Optional: true, Computed: true, Validators: []validator.String{shared.ProjectIDValidator}},
		attrTarget: computed("The URL the callbacks go to."),
		attrTriggers: schema.SetAttribute{MarkdownDescription: "The events whose callbacks the webhook receives.",
			ElementType: types.StringType, Computed: true},
	}
	description := fmt.Sprintf("Reads a **%s API webhook** by its ID: where Sinch sends %s, and which ones. Sinch never "+
		"answers its secret, so there is none to read, and no ephemeral resource of this name. It calls `GET "+
		"/v1/projects/{project_id}/webhooks/{webhook_id}`.", d.api.Name, d.api.events)
	if d.api.SecretsAnswered {
		description = fmt.Sprintf("Reads a **%s API webhook** by its ID: where Sinch sends %s, which ones, and the secrets "+
			"that sign them, which are stored in state (the ephemeral resource `%s` reads them without storing them). It "+
			"calls `GET /v1/projects/{project_id}/webhooks/{webhook_id}`.", d.api.Name, d.api.events, d.api.terraformType())
		attributes[d.api.secret.Name] = secret("The secret that signs the callbacks.")
	}
	if d.api.has(attrAppID) {
		attributes[attrAppID] = computed("The app whose callbacks the webhook receives.")
	}
	if d.api.has(attrTargetType) {
		attributes[attrTargetType] = computed("`HTTP`, or `DISMISS` (the callbacks are dropped).")
	}
	if d.api.has(attrClientCredentials) {
		attributes[attrClientCredentials] = schema.SingleNestedAttribute{
			MarkdownDescription: "The OAuth2 client credentials with which Sinch fetches a token for the target; null when there are none.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				attrClientID:         computed("The OAuth2 client ID."),
				clientSecret.Name:    secret("The OAuth2 client secret."),
				attrEndpoint:         computed("The token endpoint."),
				attrScope:            computed("The scope asked for, if any."),
				attrResponseType:     computed("The response type asked for, if any."),
				attrTokenRequestType: computed("`BASIC` or `FORM`."),
			},
		}
	}
	resp.Schema = schema.Schema{MarkdownDescription: description, Attributes: attributes}
}

func (d *WebhookDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *WebhookDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	projectID, hook, ok := readWebhook(ctx, d.api, d.data, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	set := func(name string, value any) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), value)...)
	}
	set(shared.AttrID, hook.ID)
	set(shared.AttrProjectID, projectID)
	set(attrTarget, hook.Target)
	set(attrTriggers, hook.Triggers)
	if d.api.SecretsAnswered {
		set(d.api.secret.Name, optionalString(hook.Secret))
	}
	if d.api.has(attrAppID) {
		set(attrAppID, hook.AppID)
	}
	if d.api.has(attrTargetType) {
		set(attrTargetType, orDefault(hook.TargetType, targetTypes[0]))
	}
	if !d.api.has(attrClientCredentials) {
		return
	}
	credentialsType := map[string]attr.Type{attrClientID: types.StringType, clientSecret.Name: types.StringType, attrEndpoint: types.StringType,
		attrScope: types.StringType, attrResponseType: types.StringType, attrTokenRequestType: types.StringType}
	credentials := types.ObjectNull(credentialsType)
	if c := hook.ClientCredentials; c != nil {
		var diags diag.Diagnostics
		credentials, diags = types.ObjectValue(credentialsType, map[string]attr.Value{
			attrClientID: types.StringValue(c.ClientID), clientSecret.Name: optionalString(c.ClientSecret),
			attrEndpoint: types.StringValue(c.Endpoint), attrScope: shared.OptionalSecret(c.Scope), attrResponseType: shared.OptionalSecret(c.ResponseType),
			attrTokenRequestType: types.StringValue(orDefault(c.TokenRequestType, tokenRequestTypes[0])),
		})
		resp.Diagnostics.Append(diags...)
	}
	set(attrClientCredentials, credentials)
}

// optionalString is a string of an answer as Terraform holds it: null when the answer says nothing of
// it, or it is empty.
func optionalString(s *string) types.String {
	if s == nil {
		return types.StringNull()
	}
	return shared.OptionalSecret(*s)
}

// readWebhook reads the webhook that a data source or ephemeral resource names, in its project_id (or
// the provider's). It returns false after adding an error.
func readWebhook(ctx context.Context, api webhookAPI, d *shared.ProviderData, config shared.AttributeGetter, diags *diag.Diagnostics) (string, *client.Webhook, bool) {
	return readWebhookNamedBy(ctx, api, d, config, shared.AttrID, diags)
}

// readWebhookNamedBy is readWebhook for a configuration that names the webhook by the attribute idAttr.
func readWebhookNamedBy(ctx context.Context, api webhookAPI, d *shared.ProviderData, config shared.AttributeGetter, idAttr string, diags *diag.Diagnostics) (string, *client.Webhook, bool) {
	calls := api.calls(d, diags)
	if calls == nil {
		return "", nil, false
	}
	projectID := d.ProjectToRead(shared.GetString(ctx, config, shared.AttrProjectID, diags), diags)
	webhookID := shared.GetString(ctx, config, idAttr, diags).ValueString()
	if projectID.IsNull() || diags.HasError() {
		return "", nil, false
	}
	hook, err := calls.Get(d.LogContext(ctx), projectID.ValueString(), "", webhookID)
	if err != nil {
		diags.Append(shared.APIErrorDiagnostic(api.subject(d, projectID.ValueString(), webhookID, ""), "read", err))
		return "", nil, false
	}
	return projectID.ValueString(), hook, true
}

// checkWebhookID keeps webhook IDs to what can stand in a URL path as it is; Sinch's are ULIDs.
func checkWebhookID(id string) error {
	if !shared.ProjectIDPattern.MatchString(id) {
		return fmt.Errorf("%q is not a webhook ID: copy it from Sinch's dashboard, or from a list data source", id)
	}
	return nil
}
