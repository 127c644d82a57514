package webhooks

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ function.Function = ConversationWebhookSignatureFunction{}

// ConversationWebhookSignatureFunction computes the x-sinch-webhook-signature header that Sinch sends
// with a Conversation API webhook callback.
type ConversationWebhookSignatureFunction struct{}

// NewConversationWebhookSignatureFunction returns the function conversation_webhook_signature.
func NewConversationWebhookSignatureFunction() function.Function {
	return ConversationWebhookSignatureFunction{}
}

func (f ConversationWebhookSignatureFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "conversation_webhook_signature"
}

func (f ConversationWebhookSignatureFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The x-sinch-webhook-signature of a Conversation API callback",
		MarkdownDescription: "Returns the `x-sinch-webhook-signature` header value that Sinch sends with a callback of a " +
			"Conversation API webhook whose secret is `secret`: the base64 (standard alphabet, padded) HMAC-SHA256, keyed " +
			"with the secret's UTF-8 bytes, of the raw body, a dot, the `x-sinch-webhook-signature-nonce` header, a dot, " +
			"and the `x-sinch-webhook-signature-timestamp` header. When `secret` is sensitive, so is the result.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "secret", MarkdownDescription: "The webhook's secret. Must not be empty."},
			function.StringParameter{Name: "body", MarkdownDescription: "The callback's raw body, byte for byte as sent."},
			function.StringParameter{Name: "nonce", MarkdownDescription: "The `x-sinch-webhook-signature-nonce` header."},
			function.StringParameter{Name: "timestamp", MarkdownDescription: "The `x-sinch-webhook-signature-timestamp` header, as sent (seconds since the Unix epoch)."},
		},
		Return: function.StringReturn{},
	}
}

func (f ConversationWebhookSignatureFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var secret, body, nonce, timestamp string
	resp.Error = function.ConcatFuncErrors(resp.Error, req.Arguments.Get(ctx, &secret, &body, &nonce, &timestamp))
	if resp.Error != nil {
		return
	}
	if secret == "" {
		resp.Error = function.NewArgumentFuncError(0, "secret must not be empty: Sinch signs with the webhook's secret, and a webhook without one sends no signature")
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, shared.WebhookSignature(secret, []byte(body), nonce, timestamp)))
}
