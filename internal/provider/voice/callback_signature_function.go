package voice

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

var _ function.Function = CallbackSignatureFunction{}

// CallbackSignatureFunction computes the signature that Sinch puts in the Authorization header of a
// Voice application's callbacks: what a handler checks with the application secret, and what its tests
// forge a callback with.
type CallbackSignatureFunction struct{}

// NewCallbackSignatureFunction returns the function voice_callback_signature.
func NewCallbackSignatureFunction() function.Function { return CallbackSignatureFunction{} }

func (f CallbackSignatureFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "voice_callback_signature"
}

func (f CallbackSignatureFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The signature of a Voice application's callback",
		MarkdownDescription: "Returns the signature that Sinch puts in a Voice callback's `Authorization: Application " +
			"<application key>:<signature>` header: the base64 HMAC-SHA256, keyed with the application secret decoded " +
			"from base64, of the method, the base64 MD5 of the body (empty for no body), the `Content-Type`, " +
			"`x-timestamp:` and the `x-timestamp` header, and the path, one a line. When `application_secret` is " +
			"sensitive, so is the result.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "application_secret", MarkdownDescription: "The application secret, in base64 " +
				"as the Sinch dashboard shows it."},
			function.StringParameter{Name: "method", MarkdownDescription: "The callback's HTTP method, such as `POST`."},
			function.StringParameter{Name: "content_type", MarkdownDescription: "The `Content-Type` header, exactly as " +
				"sent, such as `application/json; charset=utf-8`; `\"\"` for none."},
			function.StringParameter{Name: "timestamp", MarkdownDescription: "The `x-timestamp` header, exactly as sent " +
				"(ISO 8601 in UTC, such as `2026-01-02T03:04:05Z`)."},
			function.StringParameter{Name: "path", MarkdownDescription: "The callback URL's path, without the host or " +
				"the query, such as `/sinch/voice`."},
			function.StringParameter{Name: "body", MarkdownDescription: "The callback's raw body, byte for byte as sent; " +
				"`\"\"` for none."},
		},
		Return: function.StringReturn{},
	}
}

func (f CallbackSignatureFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var secret, method, contentType, timestamp, path, body string
	resp.Error = req.Arguments.Get(ctx, &secret, &method, &contentType, &timestamp, &path, &body)
	if resp.Error != nil {
		return
	}
	signature, err := client.VoiceSignature(secret, method, contentType, timestamp, path, []byte(body))
	if err != nil {
		// The client's error never quotes the secret.
		resp.Error = function.NewArgumentFuncError(0, strings.Replace(err.Error(), "the application secret", "application_secret", 1)+
			"; Sinch signs with the application secret decoded from base64")
		return
	}
	resp.Error = resp.Result.Set(ctx, signature)
}
