// Package webhooks is the provider's family of webhooks: where Sinch sends the callbacks of an app (the
// Conversation API) or of a project's sender onboarding (the Provisioning API), and the secrets that sign
// them. One implementation serves both APIs, over the table sinchapi.WebhookAPIs (see webhookAPI): for
// each, a resource, a data source and a list data source (sinch_conversation_webhook(s),
// sinch_provisioning_webhook(s)); for the Conversation API, whose secrets may be answered, an ephemeral
// resource too; the function conversation_webhook_signature; and the action sinch_send_test_webhook, which
// tests a Conversation API webhook's handler.
package webhooks

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources returns the resource types: a webhook of each API.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewConversationWebhookResource, NewProvisioningWebhookResource}
}

// DataSources returns the data source types: a webhook of each API, and the list of each API's webhooks.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewConversationWebhookDataSource, NewConversationWebhooksDataSource,
		NewProvisioningWebhookDataSource, NewProvisioningWebhooksDataSource}
}

// EphemeralResources returns the ephemeral resource types: sinch_conversation_webhook.
func EphemeralResources() []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{NewConversationWebhookEphemeralResource}
}

// Functions returns the function conversation_webhook_signature.
func Functions() []func() function.Function {
	return []func() function.Function{NewConversationWebhookSignatureFunction}
}

// Actions returns the action sinch_send_test_webhook.
func Actions() []func() action.Action {
	return []func() action.Action{NewSendTestWebhookAction}
}
