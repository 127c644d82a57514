package webhooks

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ ephemeral.EphemeralResourceWithConfigure = &ConversationWebhookEphemeralResource{}

// ConversationWebhookEphemeralResource reads a webhook's secrets for one Terraform run without storing
// them.
type ConversationWebhookEphemeralResource struct {
	data *shared.ProviderData
}

// NewConversationWebhookEphemeralResource returns the ephemeral resource sinch_conversation_webhook.
func NewConversationWebhookEphemeralResource() ephemeral.EphemeralResource {
	return &ConversationWebhookEphemeralResource{}
}

func (e *ConversationWebhookEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_webhook"
}

func (e *ConversationWebhookEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	secret := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description + " Null when the webhook has none, or Sinch's " +
			"answer does not say it (Sinch does not document whether it does).", Computed: true, Sensitive: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the secret and the client secret of a **Conversation API webhook** for the length of " +
			"one Terraform run, without storing them in the plan or the state: for a callback handler's secret store, " +
			"or a write-only argument. Needs Terraform 1.10 or later. It calls `GET /v1/projects/{project_id}/webhooks/{webhook_id}`.",
		Attributes: map[string]schema.Attribute{
			shared.AttrID: schema.StringAttribute{MarkdownDescription: "The webhook's ID.", Required: true,
				Validators: []validator.String{shared.StringCheck(checkWebhookID, "a webhook ID")}},
			shared.AttrProjectID: schema.StringAttribute{MarkdownDescription: "The Sinch project. Defaults to the provider's `project_id`.",
				Optional: true, Computed: true, Validators: []validator.String{shared.ProjectIDValidator}},
			conversation.secret.Name: secret("The secret that signs the webhook's callbacks."),
			clientSecret.Name:        secret("The client secret of its OAuth2 client credentials."),
		},
	}
}

func (e *ConversationWebhookEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.data = shared.ProviderDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (e *ConversationWebhookEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	projectID, hook, ok := readWebhook(ctx, conversation, e.data, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	var credentialsSecret *string
	if hook.ClientCredentials != nil {
		credentialsSecret = hook.ClientCredentials.ClientSecret
	}
	for name, value := range map[string]any{shared.AttrID: hook.ID, shared.AttrProjectID: projectID,
		conversation.secret.Name: optionalString(hook.Secret), clientSecret.Name: optionalString(credentialsSecret)} {
		resp.Diagnostics.Append(resp.Result.SetAttribute(ctx, path.Root(name), value)...)
	}
}
