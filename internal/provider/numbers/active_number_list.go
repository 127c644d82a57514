package numbers

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ list.ListResourceWithConfigure = &ActiveNumberResource{}

// ListResourceConfigSchema is the list block of the numbers a project rents, with the filters of Sinch's
// list.
func (r *ActiveNumberResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the numbers a project rents (Terraform 1.14 and later, `terraform query`), each with " +
			"its identity and its configuration, for an `import` block or `terraform query -generate-config-out`: the " +
			"generated configuration plans no change as it stands.",
		Attributes: map[string]schema.Attribute{
			shared.AttrProjectID: shared.ListProjectAttribute("rented numbers"),
			attrRegionCode:       schema.StringAttribute{Optional: true, MarkdownDescription: "Only the numbers of this region, such as `US`."},
			attrType:             schema.StringAttribute{Optional: true, MarkdownDescription: "Only the numbers of this type: `MOBILE`, `LOCAL` or `TOLL_FREE`."},
			attrCapability:       schema.StringAttribute{Optional: true, MarkdownDescription: "Only the numbers with this capability: `SMS` or `VOICE`."},
		},
	}
}

// List reads the project's numbers, page after page until the query's limit.
func (r *ActiveNumberResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	calls := r.data.ActiveNumbersCalls(&diags)
	projectID := ""
	if calls != nil {
		projectID = r.data.ListProject(ctx, req.Config, &diags)
	}
	filter := client.ActiveNumberFilter{
		RegionCode: shared.GetString(ctx, req.Config, attrRegionCode, &diags).ValueString(),
		Type:       shared.GetString(ctx, req.Config, attrType, &diags).ValueString(),
		Capability: shared.GetString(ctx, req.Config, attrCapability, &diags).ValueString(),
	}
	shared.StreamFound(ctx, req, stream, func(yield func(shared.Found) bool) diag.Diagnostics {
		if diags.HasError() {
			return diags
		}
		err := calls.Pages(r.data.LogContext(ctx), projectID, filter, func(page []client.ActiveNumber) bool {
			for _, number := range page {
				if !yield(foundNumber(projectID, number)) {
					return false
				}
			}
			return true
		})
		if err != nil {
			diags.Append(shared.APIErrorDiagnostic(numberSubject(r.data, projectID, ""), "list", err))
		}
		return diags
	})
}

// foundNumber is a number of the list: its identity, a name that says where its traffic goes, and its
// configuration as an import reads it.
func foundNumber(projectID string, number client.ActiveNumber) shared.Found {
	var routes []string
	if s := number.SMS; s != nil && s.ServicePlanID != "" {
		routes = append(routes, "SMS to service plan "+s.ServicePlanID)
	}
	if v := number.Voice; v != nil && v.Type != "" {
		routes = append(routes, fmt.Sprintf("voice %s %s", v.Type, v.AppID+v.TrunkID+v.ServiceID))
	}
	if len(routes) == 0 {
		routes = append(routes, "not linked")
	}
	return shared.Found{
		Identity:    map[string]any{shared.AttrProjectID: projectID, attrPhoneNumber: number.PhoneNumber},
		DisplayName: fmt.Sprintf("%s (%s %s): %s", number.PhoneNumber, number.RegionCode, number.Type, strings.Join(routes, ", ")),
		Resource: func(ctx context.Context, state shared.AttributeAccess, diags *diag.Diagnostics) {
			setNumber(ctx, &number, state, diags)
			diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrID), number.PhoneNumber)...)
			diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
		},
	}
}
