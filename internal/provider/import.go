package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// writeOnlyImportSuffix ends an import ID that imports in write-only form: a digest of each secret,
// never the secret.
const writeOnlyImportSuffix = ":write-only"

// importedKey marks, in private state, a resource that was just imported, until the read that follows
// the import: that read turns Sinch's "not found" into an error rather than forgetting the resource
// (Terraform's own message for that case says to create it with apply, which cannot create a project),
// and in write-only form (importedWriteOnly) takes what Sinch holds for the secret last written.
// Private state holds JSON, so the values are JSON strings.
const (
	importedKey       = "imported"
	importedWriteOnly = `"write-only"`
	importedPlaintext = `"plaintext"`
)

// parseImportID splits an import ID into what it names and whether it ends in writeOnlyImportSuffix.
// Sinch's IDs hold no ':', so anything after one is a suffix, and a suffix other than ":write-only"
// (":writeonly", ":wo") is an error that names the right one.
func parseImportID(id string) (base string, writeOnly bool, err error) {
	base, suffix, found := strings.Cut(id, ":")
	switch {
	case !found:
		return id, false, nil
	case ":"+suffix == writeOnlyImportSuffix:
		return base, true, nil
	default:
		return "", false, fmt.Errorf("%q ends in %q, which is not an import suffix (did you mean %q?)", id, ":"+suffix, base+writeOnlyImportSuffix)
	}
}

// markImported marks a resource as just imported, in write-only form or not.
func markImported(ctx context.Context, private privateState, writeOnly bool) diag.Diagnostics {
	form := importedPlaintext
	if writeOnly {
		form = importedWriteOnly
	}
	return private.SetKey(ctx, importedKey, []byte(form))
}

// importNotFound is the error of an import of something Sinch says does not exist: why says what Sinch
// answered, and check what to check besides the import ID, if anything.
func importNotFound(typeName, what, why, check string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Nothing to import", strings.TrimSpace(fmt.Sprintf(
		"Sinch says %s does not exist (%s), so there is nothing to import into %s, and apply cannot create it. "+
			"Check the import ID (or identity). %s", what, why, typeName, check)))
}
