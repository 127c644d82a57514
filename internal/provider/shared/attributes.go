package shared

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The resource's hot paths (ModifyPlan, Read, Create, Update: once per resource and run) read and
// write single attributes rather than whole models. terraform-plugin-framework's Get and Set of a
// struct compile a regular expression for every field, every time (internal/reflect.isValidFieldName
// in v1.19), which made half of the provider's allocations at 1000 resources; see bench/.

// The attributes that every resource type has: its ID, and its Sinch project.
const (
	AttrID        = "id"
	AttrProjectID = "project_id"
)

// AttributeGetter is what tfsdk.Config, tfsdk.Plan and tfsdk.State have in common, and a View too (see
// attribute_view.go), which the hot paths use.
type AttributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

// AttributeAccess reads and writes attributes: a *tfsdk.State, or a View.
type AttributeAccess interface {
	AttributeGetter
	SetAttribute(ctx context.Context, p path.Path, value any) diag.Diagnostics
}

// GetString reads a string attribute at the top level.
func GetString(ctx context.Context, from AttributeGetter, name string, diags *diag.Diagnostics) types.String {
	return GetStringAt(ctx, from, path.Root(name), diags)
}

// GetStringAt reads a string attribute at a path.
func GetStringAt(ctx context.Context, from AttributeGetter, at path.Path, diags *diag.Diagnostics) types.String {
	var v types.String
	diags.Append(from.GetAttribute(ctx, at, &v)...)
	return v
}

func getNumberAt(ctx context.Context, from AttributeGetter, at path.Path, diags *diag.Diagnostics) types.Number {
	var v types.Number
	diags.Append(from.GetAttribute(ctx, at, &v)...)
	return v
}

// GetStrings reads a set or list of strings; nil when it is null or unknown.
func GetStrings(ctx context.Context, from AttributeGetter, at path.Path, diags *diag.Diagnostics) []string {
	if v, ok := from.(*View); ok {
		values, _, err := v.stringsAt(at)
		if err != nil {
			diags.AddError("Provider error", err.Error())
		}
		return values
	}
	var set types.Set
	diags.Append(from.GetAttribute(ctx, at, &set)...)
	var values []string
	if !set.IsNull() && !set.IsUnknown() {
		diags.Append(set.ElementsAs(ctx, &values, false)...)
	}
	return values
}
