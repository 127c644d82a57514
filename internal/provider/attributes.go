package provider

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

// attributeGetter is what tfsdk.Config, tfsdk.Plan and tfsdk.State have in common.
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

func getString(ctx context.Context, from attributeGetter, name string, diags *diag.Diagnostics) types.String {
	var v types.String
	diags.Append(from.GetAttribute(ctx, path.Root(name), &v)...)
	return v
}

func getNumber(ctx context.Context, from attributeGetter, name string, diags *diag.Diagnostics) types.Number {
	var v types.Number
	diags.Append(from.GetAttribute(ctx, path.Root(name), &v)...)
	return v
}
