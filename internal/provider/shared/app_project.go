package shared

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// AttrAppID is the attribute of the Conversation API app that a resource belongs to.
const AttrAppID = "app_id"

// PlanProjectOfAnApp decides what a change of project does to an existing resource of a Conversation
// API app (what names it in diagnostics: "webhook", "app's callback settings"), and tells whether the
// plan goes on. An app lives in one project, so another project with the same app_id is an error, and a
// project known only after apply (from a resource being replaced, say), the same one as often as not,
// replaces nothing: if it turns out to be another one, the apply's final plan fails before any change.
// Another project with another app replaces the resource, as app_id does alone.
func PlanProjectOfAnApp(ctx context.Context, in PlanInput, projectID types.String, what string, resp *resource.ModifyPlanResponse) bool {
	diags := &resp.Diagnostics
	priorProject := GetString(ctx, in.State, AttrProjectID, diags)
	priorApp := GetString(ctx, in.State, AttrAppID, diags)
	switch {
	case priorProject.Equal(projectID):
	case projectID.IsUnknown():
		diags.AddAttributeWarning(path.Root(AttrProjectID), "Project known only after apply", fmt.Sprintf(
			"project_id is known only after apply. The %s's app lives in project %q, so the apply expects that "+
				"project, and fails before any change if it is another one.", what, priorProject.ValueString()))
	case GetString(ctx, in.Config, AttrAppID, diags).Equal(priorApp):
		diags.AddAttributeError(path.Root(AttrProjectID), "An app cannot move to another project", fmt.Sprintf(
			"project_id is %q, but the %s belongs to app %q, which lives in project %q: an app lives in one "+
				"project, and Sinch would not find it in another. To move to an app of project %q, change app_id "+
				"too, which replaces the %s.", projectID.ValueString(), what, priorApp.ValueString(),
			priorProject.ValueString(), projectID.ValueString(), what))
		return false
	default:
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root(AttrProjectID))
	}
	return true
}
