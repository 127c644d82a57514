package sinchapi

// WebhookAPI is one of Sinch's APIs whose callbacks go to webhooks that a project makes: each webhook has
// an ID that Sinch gives, a target, triggers and a secret that signs the callbacks. What differs from one
// API to the other is said here, and the client, the provider and its docs follow it: one implementation
// serves every value. (The mock serves each API as written apart, so that it does not agree with the
// table by construction.)
type WebhookAPI struct {
	// Key names the API in the project, as the mock's API does.
	Key string
	// Name is the API's name in Sinch's documentation.
	Name string
	// TypeName is the Terraform type's name after "sinch_", such as "provisioning_webhook"; the list data
	// source is TypeName with an "s".
	TypeName string
	// URLSetting is the provider setting of the API's base URL; DefaultURL is its production host, empty
	// for the Conversation API, whose host is its region's.
	URLSetting, DefaultURL string
	// ScopedByApp says that a webhook belongs to an app of the project, which lists its webhooks and
	// bounds them; otherwise the project does.
	ScopedByApp bool
	// UpdateMask says that an update names the fields it sets in the query parameter update_mask, target
	// always in the body; otherwise the body holds only the fields it sets, and the others keep their value.
	UpdateMask bool
	// PageSize is the most webhooks a list answers at once, asked with pageSize and continued with
	// pageToken and nextPageToken; 0 for a list of one answer.
	PageSize int
	// Limit is how many webhooks a scope (an app, or a project) may have.
	Limit int
	// TargetUnique says that no two webhooks of a scope have one target: a target finds the webhook a
	// create made, and a create of a target the scope has already is refused.
	TargetUnique bool
	// SecretsAnswered says whether an answer may hold a webhook's secret: not documented for the
	// Conversation API (either way works), never for the Provisioning API (drift of the secret cannot be
	// seen).
	SecretsAnswered bool
	// CreateFields are the fields a create sends, in the API's JSON names; Required are those it needs.
	CreateFields, Required []string
	// Triggers are the triggers seen in Sinch's sources; Sinch adds more over time. All is the trigger that
	// stands for every other one and must stand alone, if the API has one.
	Triggers []string
	All      string
}

// Conversation is the Conversation API's webhooks: an app's callbacks (messages, delivery reports,
// conversation and contact events), at the host of the app's region.
var Conversation = WebhookAPI{
	Key: "conversation", Name: "Conversation", TypeName: "conversation_webhook", URLSetting: "conversation_api_url",
	ScopedByApp: true, UpdateMask: true, Limit: 5, SecretsAnswered: true,
	CreateFields: []string{"app_id", "target", "target_type", "triggers", "secret", "client_credentials"},
	Required:     []string{"app_id", "target"},
	Triggers: []string{
		"MESSAGE_DELIVERY", "MESSAGE_SUBMIT", "MESSAGE_INBOUND", "EVENT_DELIVERY", "EVENT_INBOUND",
		"SMART_CONVERSATIONS", "MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION", "CONVERSATION_START",
		"CONVERSATION_STOP", "CONVERSATION_DELETE", "CONTACT_CREATE", "CONTACT_DELETE", "CONTACT_MERGE",
		"CONTACT_UPDATE", "CONTACT_IDENTITIES_DUPLICATION", "UNSUPPORTED", "OPT_IN", "OPT_OUT", "CHANNEL_EVENT",
		"CAPABILITY", "RECORD_NOTIFICATION",
	},
}

// Provisioning is the Provisioning API's webhooks: the events of sender onboarding (WhatsApp, RCS and
// KakaoTalk senders, templates, accounts, bundles), at one global host.
var Provisioning = WebhookAPI{
	Key: "provisioning", Name: "Provisioning", TypeName: "provisioning_webhook", URLSetting: "provisioning_api_url",
	DefaultURL: "https://provisioning.api.sinch.com", PageSize: 15, Limit: 15, TargetUnique: true,
	CreateFields: []string{"target", "secret", "triggers"},
	Required:     []string{"target", "secret", "triggers"},
	All:          "ALL",
	Triggers: []string{
		"ALL", "BUNDLE_DONE", "KAKAOTALK_SENDER_ACTIVE", "KAKAOTALK_SENDER_COMMENT_ADDED", "KAKAOTALK_SENDER_INACTIVE",
		"KAKAOTALK_SENDER_REJECTED", "KAKAOTALK_TEMPLATE_APPROVED", "KAKAOTALK_TEMPLATE_COMMENT_ADDED",
		"KAKAOTALK_TEMPLATE_REJECTED", "RCS_BRAND_REGISTRATION_PROCESS_STATUS_UPDATED", "RCS_SENDER_COMMENT_ADDED",
		"RCS_SENDER_OPERATOR_STATUS_UPDATED", "RCS_SENDER_STATUS_UPDATED", "RCS_ACCOUNT_COMMENT_ADDED",
		"WHATSAPP_ACCOUNT_COMMENT_ADDED", "WHATSAPP_ACCOUNT_DAILY_LIMIT_CHANGED", "WHATSAPP_ACCOUNT_ONBOARDED",
		"WHATSAPP_ACCOUNT_PENDING_VERIFICATION", "WHATSAPP_ACCOUNT_REJECTED", "WHATSAPP_WABA_ACCOUNT_CHANGED",
		"WHATSAPP_SENDER_ACTIVE", "WHATSAPP_SENDER_COMMENT_ADDED", "WHATSAPP_SENDER_DAILY_LIMIT_CHANGED",
		"WHATSAPP_SENDER_DELETED", "WHATSAPP_SENDER_ERROR", "WHATSAPP_SENDER_INACTIVE",
		"WHATSAPP_SENDER_PENDING_VERIFICATION", "WHATSAPP_SENDER_QUALITY_RATING_CHANGED", "WHATSAPP_SENDER_REJECTED",
		"WHATSAPP_TEMPLATE_APPROVED", "WHATSAPP_TEMPLATE_CATEGORY_FUTURE_UPDATE", "WHATSAPP_TEMPLATE_CATEGORY_UPDATED",
		"WHATSAPP_TEMPLATE_COMMENT_ADDED", "WHATSAPP_TEMPLATE_DELETED", "WHATSAPP_TEMPLATE_QUALITY_SCORE_UPDATED",
		"WHATSAPP_TEMPLATE_REJECTED", "WHATSAPP_TEMPLATE_STATUS_UPDATED",
	},
}

// WebhookAPIs are the APIs with webhooks that the provider manages.
var WebhookAPIs = []WebhookAPI{Conversation, Provisioning}
