package shared

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Every resource type has an identity (Terraform 1.12 and later, OpenTofu 1.12 and later): what
// finds its object at Sinch, plus write_only, the form its secrets are kept in.
//
// write_only is there for import by identity, which has no ID to end in ":write-only": an import by
// identity must not put the secret in the plan file or the state when the configuration uses the
// write-only argument, and import cannot see the configuration. Optional for import (false by default,
// as an ID without the suffix), it follows the state afterwards: true while the secrets are kept in
// write-only form. So it changes when the configuration switches forms, and the callback
// configurations also move to another project in place (see their ModifyPlan, in callbackconfig): both
// types declare a mutable identity. IdentityWriteOnly is its name.
const IdentityWriteOnly = "write_only"

// IdentitySchema is the identity of a type: project_id, the given attributes, and write_only.
func IdentitySchema(attributes map[string]identityschema.Attribute) identityschema.Schema {
	all := map[string]identityschema.Attribute{
		AttrProjectID: identityschema.StringAttribute{RequiredForImport: true, Description: "The Sinch project."},
		IdentityWriteOnly: identityschema.BoolAttribute{OptionalForImport: true, Description: "On import: true for a " +
			"configuration that uses the write-only form of the secrets, to keep only digests of them (as an import ID " +
			"that ends in \":write-only\"). Afterwards: whether the secrets are kept in write-only form."},
	}
	maps.Copy(all, attributes)
	return identityschema.Schema{Attributes: all}
}

// SetIdentity records the identity of an object. Terraform before 1.12 sends no identity.
func SetIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, values map[string]any, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	for name, value := range values {
		diags.Append(identity.SetAttribute(ctx, path.Root(name), value)...)
	}
}

// ImportedIdentity reads the identity an import block names: the values of the required attributes,
// and write_only.
func ImportedIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, required []string, diags *diag.Diagnostics) (map[string]string, bool) {
	values := IdentityValues(ctx, identity, required, diags)
	if identity == nil {
		return values, false
	}
	var writeOnly types.Bool
	diags.Append(identity.GetAttribute(ctx, path.Root(IdentityWriteOnly), &writeOnly)...)
	return values, writeOnly.ValueBool()
}

// IdentityValues reads the required attributes of the identity an import block names, for a type whose
// identity has no write_only (a type without secrets of its own).
func IdentityValues(ctx context.Context, identity *tfsdk.ResourceIdentity, required []string, diags *diag.Diagnostics) map[string]string {
	values := map[string]string{}
	if identity == nil {
		diags.AddError("Nothing to import", "The import names neither an ID nor an identity.")
		return values
	}
	for _, name := range required {
		var v types.String
		diags.Append(identity.GetAttribute(ctx, path.Root(name), &v)...)
		if v.ValueString() == "" {
			diags.AddAttributeError(path.Root(name), "Incomplete identity", fmt.Sprintf("The identity to import needs %s.", name))
		}
		values[name] = v.ValueString()
	}
	return values
}
