package callbackconfig

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ function.Function = CallbackSignatureFunction{}

// CallbackSignatureFunction computes the X-Sinch-Signature header that Sinch sends with a callback.
type CallbackSignatureFunction struct{}

// NewCallbackSignatureFunction returns the function callback_signature.
func NewCallbackSignatureFunction() function.Function { return CallbackSignatureFunction{} }

func (f CallbackSignatureFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "callback_signature"
}

func (f CallbackSignatureFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The X-Sinch-Signature of a callback body",
		MarkdownDescription: "Returns the `X-Sinch-Signature` header value that Sinch sends with a callback whose raw " +
			"body is `body`, signed with the HMAC secret `secret`: the lowercase hexadecimal HMAC-SHA1 of the body's " +
			"bytes, keyed with the secret's UTF-8 bytes. Use it to smoke-test a callback handler, or to check a " +
			"signature in HCL. The result is as secret as `secret`: sensitive, which `nonsensitive()` shows, or " +
			"ephemeral, which no output takes (see Sensitive and ephemeral secrets). " +
			"Terraform holds every string in Unicode NFC, so a body that is not in NFC cannot be passed byte for " +
			"byte: sign such a body with `callback_signature_base64` and `filebase64()`.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "secret",
				MarkdownDescription: "The HMAC secret of the project's callback configuration. Must not be empty.",
			},
			function.StringParameter{
				Name:                "body",
				MarkdownDescription: "The callback's raw body, byte for byte as sent (any change of white space changes the signature).",
			},
		},
		Return: function.StringReturn{},
	}
}

func (f CallbackSignatureFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var secret, body string
	resp.Error = function.ConcatFuncErrors(resp.Error, req.Arguments.Get(ctx, &secret, &body))
	if resp.Error != nil {
		return
	}
	if secret == "" {
		resp.Error = emptySecretError()
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, shared.CallbackSignature(secret, []byte(body))))
}

// emptySecretError is the error of both functions for an empty secret.
func emptySecretError() *function.FuncError {
	return function.NewArgumentFuncError(0, "secret must not be empty: Sinch does not accept an empty HMAC secret")
}
