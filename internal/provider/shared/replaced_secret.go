package shared

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

// HeldSecret is what the plan of a create of a singleton (a secret that Sinch holds for as long as its
// owner exists) reads of the secret that the apply replaces, for WarnOfAReplacedSecret.
type HeldSecret struct {
	// Held is the secret that Sinch holds ("" for none, nil when the answer says nothing of it), and Err
	// the read's error.
	Held *string
	Err  error
	// Of says whose secret it is ("for project \"p\" in the Numbers API"), Verifies what checks it
	// ("a callback handler that verifies X-Sinch-Signature"), Subject what a not-found error is about.
	Of, Verifies string
	Subject      CallSubject
	// TypeName is the resource type, and ImportID the ID that imports the singleton (without :write-only).
	TypeName, ImportID string
}

// WarnOfAReplacedSecret warns, in the plan of a create, when Sinch holds a secret that the apply
// replaces: "create" reads like "keep", and a live project's handlers verify with the secret Sinch
// holds. A read that fails, for an owner that does not exist or a missing access key aside, only says that
// it could not tell.
func (s SecretArgument) WarnOfAReplacedSecret(ctx context.Context, config AttributeGetter, held HeldSecret, diags *diag.Diagnostics) {
	configured, writeOnly := s.Configured(ctx, config, diags)
	var noKey *client.NoAccessKeyError
	switch {
	case client.IsNotFound(held.Err), errors.As(held.Err, &noKey):
		// The apply would fail the same way: said at plan.
		diags.Append(APIErrorDiagnostic(held.Subject, "read", held.Err))
		return
	case held.Err != nil:
		diags.AddAttributeWarning(path.Root(AttrProjectID), "Could not tell whether Sinch holds a secret", fmt.Sprintf(
			"The plan reads the secret that Sinch holds %s, to warn when the apply replaces one, and the read failed: "+
				"%s. The apply sets the configured secret all the same.", held.Of, InWords(held.Err)))
		return
	case held.Held == nil || *held.Held == "" || !configured.IsUnknown() && configured.ValueString() == *held.Held:
		return
	}
	importID, form := held.ImportID, s.Plain()
	if writeOnly {
		importID, form = held.ImportID+WriteOnlyImportSuffix, s.WriteOnly()
	}
	unless := ""
	if configured.IsUnknown() {
		unless = " (unless the configured secret, known only at apply, is that one)"
	}
	diags.AddAttributeWarning(form, "The apply replaces the secret Sinch holds", fmt.Sprintf(
		"Sinch holds a secret %s, and this create replaces it with the configured one%s: from then on, %s with the "+
			"secret Sinch holds now refuses every callback. To manage the secret Sinch holds instead, import it rather "+
			"than create: an import block with id = %q (or terraform import %s.<name> %s), which keeps it; then change "+
			"it when the handlers are ready.", held.Of, unless, held.Verifies, importID, held.TypeName, importID))
}
