package shared

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// minSecretLength is the length below which a secret gets a warning.
const minSecretLength = 16

// secretValueWarnings warns of a secret that will break signatures or can be guessed, without blocking
// the plan: Sinch accepts both, and a user may have reasons. The warnings never show the value.
//
// They are given by ModifyPlan, which Terraform calls once per resource and plan, not by a validator,
// which Terraform calls in its validate walk and again in its plan walk: a literal secret then warned
// twice, a secret from a variable (unknown in the validate walk) once.
func secretValueWarnings(at path.Path, secret string) diag.Diagnostics {
	var diags diag.Diagnostics
	if strings.TrimSpace(secret) != secret {
		diags.AddAttributeWarning(at, "Secret with white space at either end", fmt.Sprintf(
			"The value of %s starts or ends with white space, such as the line break at the end of a file read "+
				"with file(). Sinch signs with every byte of the secret, so a callback handler that reads the secret "+
				"without that white space computes other signatures and refuses every callback. Wrap the value in "+
				"trimspace(), unless the white space is meant.", at))
	}
	if n := utf8.RuneCountInString(secret); n > 0 && n < minSecretLength {
		diags.AddAttributeWarning(at, "Short secret", fmt.Sprintf(
			"The value of %s is shorter than %d characters. Anyone who captures one signed callback can then guess "+
				"the secret offline, trying candidates against its signature, and sign callbacks of their own. Use a "+
				"random secret of 32 characters or more, such as a UUID or the result of an ephemeral random_password.",
			at, minSecretLength))
	}
	return diags
}

// nonEmptySecret refuses an empty secret with what to do about it; the framework's LengthAtLeast(1)
// said only "string length must be at least 1, got: 0".
type nonEmptySecret struct{}

var _ validator.String = nonEmptySecret{}

func (nonEmptySecret) Description(context.Context) string { return "must not be empty" }

func (v nonEmptySecret) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (nonEmptySecret) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueString() != "" {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Empty secret", fmt.Sprintf(
		"%s is empty, and Sinch does not accept an empty secret. Set a random secret of 32 characters or more, "+
			"such as a UUID or the result of an ephemeral random_password. When the value comes from a variable, "+
			"a file or a secret store, check that it is set there.", req.Path))
}
