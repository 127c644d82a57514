package shared

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// WriteOnlyImportSuffix ends an import ID that imports in write-only form: a digest of each secret,
// never the secret.
const WriteOnlyImportSuffix = ":write-only"

// ImportedKey marks, in private state, a resource that was just imported, until the read that follows
// the import: that read turns Sinch's "not found" into an error rather than forgetting the resource
// (Terraform's own message for that case says to create it with apply, which cannot create a project),
// and in write-only form (ImportedWriteOnly) takes what Sinch holds for the secret last written.
// Private state holds JSON, so the values are JSON strings.
const (
	ImportedKey       = "imported"
	ImportedWriteOnly = `"write-only"`
	importedPlaintext = `"plaintext"`
)

// ParseImportID splits an import ID into what it names and whether it ends in WriteOnlyImportSuffix.
// Sinch's IDs hold no ':', so anything after one is a suffix, and a suffix other than ":write-only"
// (":writeonly", ":wo") is an error that names the right one.
func ParseImportID(id string) (base string, writeOnly bool, err error) {
	base, suffix, found := strings.Cut(id, ":")
	switch {
	case !found:
		return id, false, nil
	case ":"+suffix == WriteOnlyImportSuffix:
		return base, true, nil
	default:
		return "", false, fmt.Errorf("%q ends in %q, which is not an import suffix (did you mean %q?)", id, ":"+suffix, base+WriteOnlyImportSuffix)
	}
}

// MarkImported marks a resource as just imported, in write-only form or not.
func MarkImported(ctx context.Context, private PrivateState, writeOnly bool) diag.Diagnostics {
	form := importedPlaintext
	if writeOnly {
		form = ImportedWriteOnly
	}
	return private.SetKey(ctx, ImportedKey, []byte(form))
}

// ImportNotFound is the error of an import of something Sinch says does not exist: why says what Sinch
// answered, and check what to check besides the import ID, if anything.
func ImportNotFound(typeName, what, why, check string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Nothing to import", strings.TrimSpace(fmt.Sprintf(
		"Sinch says %s does not exist (%s), so there is nothing to import into %s, and apply cannot create it. "+
			"Check the import ID (or identity). %s", what, why, typeName, check)))
}
