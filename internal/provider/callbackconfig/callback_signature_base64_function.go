package callbackconfig

import (
	"context"
	"encoding/base64"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ function.Function = CallbackSignatureBase64Function{}

// CallbackSignatureBase64Function computes the X-Sinch-Signature of a body given base64-encoded, so
// that any bytes can be signed: Terraform holds strings in Unicode NFC, and a body that is not NFC
// (or not UTF-8 at all) cannot be passed as a string unchanged.
type CallbackSignatureBase64Function struct{}

// NewCallbackSignatureBase64Function returns the function callback_signature_base64.
func NewCallbackSignatureBase64Function() function.Function { return CallbackSignatureBase64Function{} }

func (f CallbackSignatureBase64Function) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "callback_signature_base64"
}

func (f CallbackSignatureBase64Function) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The X-Sinch-Signature of a callback body given in base64",
		MarkdownDescription: "Returns the `X-Sinch-Signature` header value of a callback whose raw body is the bytes " +
			"that `body_base64` encodes, signed with the HMAC secret `secret`: like `callback_signature`, but byte " +
			"for byte. Terraform normalizes every string to Unicode NFC, so a body captured from a real callback " +
			"that is not in NFC cannot be passed as a string without changing its bytes; read it with " +
			"`filebase64()` and pass it here. When `secret` is sensitive, so is the result.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "secret",
				MarkdownDescription: "The HMAC secret of the project's callback configuration. Must not be empty.",
			},
			function.StringParameter{
				Name:                "body_base64",
				MarkdownDescription: "The callback's raw body, base64-encoded (standard alphabet, with padding), as `filebase64()` and `base64encode()` give it.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (f CallbackSignatureBase64Function) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var secret, encoded string
	resp.Error = function.ConcatFuncErrors(resp.Error, req.Arguments.Get(ctx, &secret, &encoded))
	if resp.Error != nil {
		return
	}
	if secret == "" {
		resp.Error = emptySecretError()
		return
	}
	body, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(1, "body_base64 is not base64 (standard alphabet, with padding): "+err.Error())
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, shared.CallbackSignature(secret, body)))
}
