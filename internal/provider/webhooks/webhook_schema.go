package webhooks

import (
	"fmt"
	"maps"
	"strings"

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

// The attributes of a webhook, in the APIs' words; a Provisioning API webhook has no app, target type
// or client credentials.
const (
	attrAppID             = shared.AttrAppID
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

// clientSecret is the client secret of the OAuth2 client credentials with which Sinch fetches a token
// for a Conversation API webhook's target.
var clientSecret = shared.SecretArgument{Parent: path.Root(attrClientCredentials), Name: "client_secret"}

// Target types, and token request types, as the Conversation API names them; the first is the API's
// default.
var (
	targetTypes       = []string{"HTTP", "DISMISS"}
	tokenRequestTypes = []string{"BASIC", "FORM"}
)

// schema is the resource's schema: what every webhook has (an ID, a project, a target, triggers, a
// secret), and what the API's webhooks have besides (an app, a target type, client credentials).
func (a webhookAPI) schema() schema.Schema {
	attributes := map[string]schema.Attribute{
		shared.AttrID: schema.StringAttribute{
			MarkdownDescription: "The webhook's ID, which Sinch assigns.",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		shared.AttrProjectID: schema.StringAttribute{
			MarkdownDescription: a.projectDescription(),
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{shared.ProjectIDValidator},
		},
		attrTarget: schema.StringAttribute{
			MarkdownDescription: a.targetDescription(),
			Required:            true,
			Validators:          []validator.String{webhookTargetValidator{api: a}},
		},
		attrTriggers: schema.SetAttribute{
			MarkdownDescription: a.triggersDescription(),
			ElementType:         types.StringType,
			Required:            true,
			Validators: []validator.Set{
				setvalidator.SizeAtLeast(1),
				setvalidator.ValueStringsAre(triggerValidator{api: a}),
				allAlone{api: a},
			},
		},
	}
	if a.has(attrAppID) {
		attributes[attrAppID] = schema.StringAttribute{
			MarkdownDescription: "The Conversation API app whose callbacks the webhook receives. Changing it replaces the webhook.",
			Required:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		}
	}
	if a.has(attrTargetType) {
		attributes[attrTargetType] = schema.StringAttribute{
			MarkdownDescription: "`HTTP` (the default): Sinch sends the callbacks to `target`; or `DISMISS`: Sinch drops them.",
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString(targetTypes[0]),
			Validators:          []validator.String{stringvalidator.OneOf(targetTypes...)},
		}
	}
	if a.has(attrClientCredentials) {
		attributes[attrClientCredentials] = schema.SingleNestedAttribute{
			MarkdownDescription: "OAuth2 client credentials with which Sinch fetches an access token from `endpoint` " +
				"and sends it with each callback, for a target that requires one. Sensitive as a whole: plans " +
				"show `(sensitive value)` for it, as OpenTofu would otherwise log the client secret when a " +
				"refresh finds it changed.",
			Optional: true,
			// As a whole, not only client_secret: OpenTofu logs each value a refresh changes, and hides
			// only those of attributes marked sensitive at the top.
			Sensitive:  true,
			Attributes: clientCredentialsAttributes(),
		}
	}
	maps.Copy(attributes, a.secret.Attributes(a.secretDescription(), a.secretForms()))
	return schema.Schema{MarkdownDescription: a.resourceDescription(), Attributes: attributes}
}

func (a webhookAPI) resourceDescription() string {
	host := "at the host of the provider's `conversation_region` (or its `conversation_api_url`)"
	if !a.ScopedByApp {
		host = fmt.Sprintf("at `%s` (or the provider's `%s`)", a.DefaultURL, a.URLSetting)
	}
	return fmt.Sprintf("A **%s API webhook**: where Sinch sends %s (`target`), which ones (`triggers`), and the "+
		"secret that signs them. It calls `POST`, `GET`, `PATCH` and `DELETE` `/v1/projects/{project_id}/webhooks` %s.",
		a.Name, a.events, host)
}

func (a webhookAPI) projectDescription() string {
	if a.ScopedByApp {
		return "The Sinch project of the app. Defaults to the provider's `project_id`. An app lives in one project: " +
			"another project with the same `app_id` is refused at plan time."
	}
	return "The Sinch project. Defaults to the provider's `project_id`. Changing it replaces the webhook."
}

func (a webhookAPI) targetDescription() string {
	if a.ScopedByApp {
		return fmt.Sprintf("The URL that Sinch sends the callbacks to: `https://` (a plan warns of `http://`, as "+
			"callbacks carry your customers' messages), at most %d characters, and not a host of the Conversation API itself.", maxTargetLength)
	}
	return "The URL that Sinch sends the events to: `https://` (a plan warns of `http://`). A project has one " +
		"webhook per target."
}

func (a webhookAPI) triggersDescription() string {
	if a.All != "" {
		return fmt.Sprintf("The events the webhook receives, such as `WHATSAPP_SENDER_ACTIVE`: at least one, or `%s` "+
			"alone for every event (with another trigger, it is an error). A trigger this provider does not know gets "+
			"a plan warning, not an error, as Sinch adds triggers over time. The known triggers are %s.",
			a.All, "`"+strings.Join(a.Triggers, "`, `")+"`")
	}
	return "The events whose callbacks the webhook receives, such as `MESSAGE_DELIVERY` and " +
		"`MESSAGE_INBOUND`: at least one. `UNSPECIFIED_TRIGGER` is refused; a trigger this provider does not know " +
		"gets a plan warning, not an error, as Sinch adds triggers over time."
}

func (a webhookAPI) secretDescription() string {
	if a.secret.NeverAnswered {
		return "The secret with which Sinch signs the webhook's events (assumed to be signed as the Conversation " +
			"API's callbacks: `x-sinch-webhook-signature`; see the function `conversation_webhook_signature`). Sinch " +
			"never answers it, so a change made outside Terraform cannot be seen: `secret_wo_version` writes it again"
	}
	return "The secret with which Sinch signs the webhook's callbacks " +
		"(`x-sinch-webhook-signature`, HMAC-SHA256 of the body, a nonce and a timestamp; see the function " +
		"`conversation_webhook_signature`)"
}

func (a webhookAPI) secretForms() string {
	if a.secretRequired() {
		return "Required by Sinch: set this or `%s`."
	}
	return "Optional: set this or `%s`, or neither (a plan warns of a webhook whose callbacks nothing can verify)."
}

// maxTargetLength is the longest target the Conversation API accepts.
const maxTargetLength = 742

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
