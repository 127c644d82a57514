// Package webhooks is the provider's family of webhooks: where Sinch sends an app's callbacks, and the
// secrets that sign them. It holds the Conversation API's: sinch_conversation_webhook (a resource, a data
// source and an ephemeral resource), sinch_conversation_webhooks, and the function
// conversation_webhook_signature.
package webhooks

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources returns the resource types: sinch_conversation_webhook.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewConversationWebhookResource}
}

// DataSources returns the data source types: sinch_conversation_webhook and sinch_conversation_webhooks.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewConversationWebhookDataSource, NewConversationWebhooksDataSource}
}

// EphemeralResources returns the ephemeral resource types: sinch_conversation_webhook.
func EphemeralResources() []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{NewConversationWebhookEphemeralResource}
}

// Functions returns the function conversation_webhook_signature.
func Functions() []func() function.Function {
	return []func() function.Function{NewConversationWebhookSignatureFunction}
}
