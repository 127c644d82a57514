package shared

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Found is one object that a list resource found (Terraform 1.14 and later: `list` blocks of a
// .tfquery.hcl file, run by `terraform query`): its identity, a name a person can read, and what its
// resource object holds.
type Found struct {
	// Identity holds the values of the type's identity. Its write_only is true wherever the type has a
	// write-only secret: the resource object holds no secret, so the import of a result keeps none in
	// state either.
	Identity map[string]any
	// DisplayName names the object for the CLI.
	DisplayName string
	// Resource sets the resource object's attributes, on the type's state with every attribute null:
	// what an import would read, but never a secret (`terraform query -json` prints the object in clear,
	// and -generate-config-out writes it into the configuration). Asked for with include_resource, and
	// always by -generate-config-out.
	Resource func(ctx context.Context, state AttributeAccess, diags *diag.Diagnostics)
}

// StreamFound answers a list request with the objects find yields, as many as the query's limit, and
// stops find when it has them (yield returns false: a paged list asks for no more pages). A call of find
// that fails is one result with its diagnostics, after what it found before.
func StreamFound(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream,
	find func(yield func(Found) bool) diag.Diagnostics) {
	stream.Results = func(push func(list.ListResult) bool) {
		var pushed int64
		stopped := false
		diags := find(func(found Found) bool {
			if req.Limit > 0 && pushed >= req.Limit {
				stopped = true
				return false
			}
			result := req.NewListResult(ctx)
			result.DisplayName = found.DisplayName
			for name, value := range found.Identity {
				result.Diagnostics.Append(result.Identity.SetAttribute(ctx, path.Root(name), value)...)
			}
			if req.IncludeResource && found.Resource != nil {
				state := ViewOf(result.Resource.Raw)
				found.Resource(ctx, state, &result.Diagnostics)
				result.Resource.Raw = state.Value()
			}
			pushed++
			if !push(result) {
				stopped = true
				return false
			}
			return req.Limit <= 0 || pushed < req.Limit
		})
		if diags.HasError() && !stopped {
			push(list.ListResult{Diagnostics: diags})
		}
	}
}

// ListProjectAttribute is the project_id of a list block: the provider's project by default.
func ListProjectAttribute(what string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Validators: []validator.String{ProjectIDValidator},
		MarkdownDescription: "The Sinch project whose " + what + " to list. Defaults to the provider's `project_id`."}
}

// ListProject is the project that a list block names, else the provider's; null after an error (the
// provider has none, or it is known only after apply).
func (d *ProviderData) ListProject(ctx context.Context, config AttributeGetter, diags *diag.Diagnostics) string {
	return d.ProjectToRead(GetString(ctx, config, AttrProjectID, diags), diags).ValueString()
}
