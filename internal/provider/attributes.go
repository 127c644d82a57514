package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The resource's hot paths (ModifyPlan, Read, Create, Update: once per resource and run) read and
// write single attributes rather than whole models. terraform-plugin-framework's Get and Set of a
// struct compile a regular expression for every field, every time (internal/reflect.isValidFieldName
// in v1.19), which made half of the provider's allocations at 1000 resources; see bench/.

// attributeGetter is what tfsdk.Config, tfsdk.Plan and tfsdk.State have in common, and a view too (see
// attribute_view.go), which the hot paths use.
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

// attributeAccess reads and writes attributes: a *tfsdk.State, or a view.
type attributeAccess interface {
	attributeGetter
	SetAttribute(ctx context.Context, p path.Path, value any) diag.Diagnostics
}

func getString(ctx context.Context, from attributeGetter, name string, diags *diag.Diagnostics) types.String {
	return getStringAt(ctx, from, path.Root(name), diags)
}

func getStringAt(ctx context.Context, from attributeGetter, at path.Path, diags *diag.Diagnostics) types.String {
	var v types.String
	diags.Append(from.GetAttribute(ctx, at, &v)...)
	return v
}

func getNumberAt(ctx context.Context, from attributeGetter, at path.Path, diags *diag.Diagnostics) types.Number {
	var v types.Number
	diags.Append(from.GetAttribute(ctx, at, &v)...)
	return v
}

// getStrings reads a set or list of strings; nil when it is null or unknown.
func getStrings(ctx context.Context, from attributeGetter, at path.Path, diags *diag.Diagnostics) []string {
	if v, ok := from.(*view); ok {
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

// attributeEqual tells whether a string attribute, or a set of strings (triggers), has the same value
// in both.
func attributeEqual(ctx context.Context, a, b attributeGetter, at path.Path, diags *diag.Diagnostics) bool {
	if x, ok := a.(*view); ok {
		if y, ok := b.(*view); ok {
			xv, errX := x.at(at)
			yv, errY := y.at(at)
			if errX != nil || errY != nil {
				diags.AddError("Provider error", fmt.Sprint(errX, errY))
			}
			return xv.Equal(yv)
		}
	}
	if at.Equal(path.Root(attrTriggers)) {
		var x, y types.Set
		diags.Append(a.GetAttribute(ctx, at, &x)...)
		diags.Append(b.GetAttribute(ctx, at, &y)...)
		return x.Equal(y)
	}
	return getStringAt(ctx, a, at, diags).Equal(getStringAt(ctx, b, at, diags))
}
