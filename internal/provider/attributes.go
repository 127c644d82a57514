package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The resource's hot paths (ModifyPlan, Read, Create, Update: once per resource and run) read and
// write single attributes rather than whole models. terraform-plugin-framework's Get and Set of a
// struct compile a regular expression for every field, every time (internal/reflect.isValidFieldName
// in v1.19), which made half of the provider's allocations at 1000 resources; see bench/.

// attributeGetter is what tfsdk.Config, tfsdk.Plan and tfsdk.State have in common.
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
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

// nullState is the state, of the plan's schema, of a resource that does not exist yet: the prior state
// of a create.
func nullState(ctx context.Context, plan tfsdk.Plan) tfsdk.State {
	return tfsdk.State{Schema: plan.Schema, Raw: tftypes.NewValue(plan.Schema.Type().TerraformType(ctx), nil)}
}

// getStrings reads a set or list of strings.
func getStrings(ctx context.Context, from attributeGetter, at path.Path, diags *diag.Diagnostics) []string {
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
	if at.Equal(path.Root(attrTriggers)) {
		var x, y types.Set
		diags.Append(a.GetAttribute(ctx, at, &x)...)
		diags.Append(b.GetAttribute(ctx, at, &y)...)
		return x.Equal(y)
	}
	return getStringAt(ctx, a, at, diags).Equal(getStringAt(ctx, b, at, diags))
}
