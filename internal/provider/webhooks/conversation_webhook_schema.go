package webhooks

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// The attributes of a Conversation API webhook, in the API's words.
const (
	attrAppID             = "app_id"
	attrTarget            = "target"
	attrTargetType        = "target_type"
	attrTriggers          = "triggers"
	attrClientCredentials = "client_credentials"
	attrClientID          = "client_id"
	attrEndpoint          = "endpoint"
	attrScope             = "scope"
	attrResponseType      = "response_type"
	attrTokenRequestType  = "token_request_type"
)

// The webhook's two secrets: the one that signs its callbacks, and the client secret of the OAuth2
// client credentials with which Sinch fetches a token for the target.
var (
	webhookSecret = shared.SecretArgument{Parent: path.Empty(), Name: "secret"}
	clientSecret  = shared.SecretArgument{Parent: path.Root(attrClientCredentials), Name: "client_secret"}
)

// Target types, and token request types, as the API names them; the first is the API's default.
var (
	targetTypes       = []string{"HTTP", "DISMISS"}
	tokenRequestTypes = []string{"BASIC", "FORM"}
)

func conversationWebhookSchema() schema.Schema {
	attributes := map[string]schema.Attribute{
		shared.AttrID: schema.StringAttribute{
			MarkdownDescription: "The webhook's ID, which Sinch assigns.",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		shared.AttrProjectID: schema.StringAttribute{
			MarkdownDescription: "The Sinch project of the app. Defaults to the provider's `project_id`. Changing it replaces the webhook.",
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{shared.ProjectIDValidator},
		},
		attrAppID: schema.StringAttribute{
			MarkdownDescription: "The Conversation API app whose callbacks the webhook receives. Changing it replaces the webhook.",
			Required:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		attrTarget: schema.StringAttribute{
			MarkdownDescription: "The URL that Sinch sends the callbacks to: `https://` (a plan warns of `http://`, as " +
				"callbacks carry your customers' messages), at most 742 characters, and not a host of the Conversation API itself.",
			Required:   true,
			Validators: []validator.String{webhookTargetValidator{}},
		},
		attrTargetType: schema.StringAttribute{
			MarkdownDescription: "`HTTP` (the default): Sinch sends the callbacks to `target`; or `DISMISS`: Sinch drops them.",
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString(targetTypes[0]),
			Validators:          []validator.String{stringvalidator.OneOf(targetTypes...)},
		},
		attrTriggers: schema.SetAttribute{
			MarkdownDescription: "The events whose callbacks the webhook receives, such as `MESSAGE_DELIVERY` and " +
				"`MESSAGE_INBOUND`: at least one. `UNSPECIFIED_TRIGGER` is refused; a trigger this provider does not know " +
				"gets a plan warning, not an error, as Sinch adds triggers over time.",
			ElementType: types.StringType,
			Required:    true,
			Validators: []validator.Set{
				setvalidator.SizeAtLeast(1),
				setvalidator.ValueStringsAre(triggerValidator{}),
			},
		},
		attrClientCredentials: schema.SingleNestedAttribute{
			MarkdownDescription: "OAuth2 client credentials with which Sinch fetches an access token from `endpoint` " +
				"and sends it with each callback, for a target that requires one. Sensitive as a whole: plans " +
				"show `(sensitive value)` for it, as OpenTofu would otherwise log the client secret when a " +
				"refresh finds it changed.",
			Optional: true,
			// As a whole, not only client_secret: OpenTofu logs each value a refresh changes, and hides
			// only those of attributes marked sensitive at the top.
			Sensitive:  true,
			Attributes: clientCredentialsAttributes(),
		},
	}
	maps.Copy(attributes, webhookSecret.Attributes("The secret with which Sinch signs the webhook's callbacks "+
		"(`x-sinch-webhook-signature`, HMAC-SHA256 of the body, a nonce and a timestamp; see the function "+
		"`conversation_webhook_signature`)", "Optional: set this or `%s`, or neither (a plan warns of a webhook whose "+
		"callbacks nothing can verify)."))
	return schema.Schema{
		MarkdownDescription: "A **Conversation API webhook**: where Sinch sends the callbacks of an app (`target`), " +
			"which ones (`triggers`), and the secret that signs them. It calls `POST`, `GET`, `PATCH` and `DELETE` " +
			"`/v1/projects/{project_id}/webhooks` at the host of the provider's `conversation_region` (or its " +
			"`conversation_api_url`).",
		Attributes: attributes,
	}
}

// maxWebhooksPerApp is how many webhooks Sinch lets an app have.
const maxWebhooksPerApp = 5

// clientCredentialsTypes are the attribute types of client_credentials.
func clientCredentialsTypes() map[string]attr.Type {
	attributeTypes := map[string]attr.Type{}
	for name, attribute := range clientCredentialsAttributes() {
		attributeTypes[name] = attribute.GetType()
	}
	return attributeTypes
}

func clientCredentialsAttributes() map[string]schema.Attribute {
	attributes := map[string]schema.Attribute{
		attrClientID: schema.StringAttribute{
			MarkdownDescription: "The OAuth2 client ID.",
			Required:            true,
		},
		attrEndpoint: schema.StringAttribute{
			MarkdownDescription: "The token endpoint, which must answer a JSON token with `expires_in` between 30 and 3600 seconds.",
			Required:            true,
			Validators:          []validator.String{shared.StringCheck(checkTokenEndpoint, "an absolute https URL")},
		},
		attrScope: schema.StringAttribute{
			MarkdownDescription: "The scope to ask for, if any.",
			Optional:            true,
		},
		attrResponseType: schema.StringAttribute{
			MarkdownDescription: "The response type to ask for, if any.",
			Optional:            true,
		},
		attrTokenRequestType: schema.StringAttribute{
			MarkdownDescription: "How the client credentials are sent: `BASIC` (HTTP Basic, the default) or `FORM` (in the form body).",
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString(tokenRequestTypes[0]),
			Validators:          []validator.String{stringvalidator.OneOf(tokenRequestTypes...)},
		},
	}
	maps.Copy(attributes, clientSecret.Attributes("The OAuth2 client secret", "Set this or `%s`."))
	return attributes
}
