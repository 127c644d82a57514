package provider

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// minSecretLength is the length below which a secret gets a warning.
const minSecretLength = 16

// secretWarnings warns of a secret that will break signatures or can be guessed, without blocking the
// plan: Sinch accepts both, and a user may have reasons. The warnings never show the value.
type secretWarnings struct{}

var _ validator.String = secretWarnings{}

func (secretWarnings) Description(context.Context) string {
	return fmt.Sprintf("warns of white space at either end, and of fewer than %d characters", minSecretLength)
}

func (v secretWarnings) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (secretWarnings) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	secret := req.ConfigValue.ValueString()
	if secret != "" && strings.TrimSpace(secret) != secret {
		resp.Diagnostics.AddAttributeWarning(req.Path, "HMAC secret with white space at either end", fmt.Sprintf(
			"The value of %s starts or ends with white space, such as the line break at the end of a file read "+
				"with file(). Sinch signs with every byte of the secret, so a callback handler that reads the secret "+
				"without that white space computes other signatures and refuses every callback. Wrap the value in "+
				"trimspace(), unless the white space is meant.", req.Path))
	}
	if n := utf8.RuneCountInString(secret); n > 0 && n < minSecretLength {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Short HMAC secret", fmt.Sprintf(
			"The value of %s is shorter than %d characters. Anyone who captures one signed callback can then guess "+
				"the secret offline, trying candidates against its signature, and sign callbacks of their own. Use a "+
				"random secret of 32 characters or more, such as a UUID or the result of an ephemeral random_password.",
			req.Path, minSecretLength))
	}
}
