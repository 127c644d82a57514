package callbackconfig

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ list.ListResourceWithConfigure = &CallbackConfigurationResource{}

// ListResourceConfigSchema is the list block of a callback configuration: the project. A project has one
// callback configuration in each API, so the list has one result.
func (r *CallbackConfigurationResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: fmt.Sprintf("Lists the callback configuration of a project in the %s API (Terraform 1.14 and "+
			"later, `terraform query`): one result, with its identity, for an `import` block or `terraform query "+
			"-generate-config-out`. The identity has `write_only = true` and the resource object holds no secret: add "+
			"`%s` to the generated configuration.", r.api.Name, hmacSecret.WriteOnly()),
		Attributes: map[string]schema.Attribute{
			shared.AttrProjectID: shared.ListProjectAttribute("callback configuration"),
		},
	}
}

// List reads the project's callback configuration: one result, or the diagnostic of the read.
func (r *CallbackConfigurationResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	calls := r.data.CallbackConfigurations(r.api.CallbackAPI, &diags)
	projectID := ""
	if calls != nil {
		projectID = r.data.ListProject(ctx, req.Config, &diags)
	}
	shared.StreamFound(ctx, req, stream, func(yield func(shared.Found) bool) diag.Diagnostics {
		if diags.HasError() {
			return diags
		}
		held, err := calls.Get(r.data.LogContext(ctx), projectID)
		if err != nil {
			diags.Append(shared.APIErrorDiagnostic(r.api.subject(projectID, r.data), "read", err))
			return diags
		}
		secret := "a secret set"
		if held.HMACSecret == "" {
			secret = "no secret set"
		}
		yield(shared.Found{
			Identity:    map[string]any{shared.AttrProjectID: projectID, shared.IdentityWriteOnly: true},
			DisplayName: fmt.Sprintf("project %s: %s API callback configuration (%s)", projectID, r.api.Name, secret),
			Resource: func(ctx context.Context, state shared.AttributeAccess, diags *diag.Diagnostics) {
				diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrID), projectID)...)
				diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
			},
		})
		return diags
	})
}
