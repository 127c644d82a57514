package numbers

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// ImportState takes "<phone number>" with the provider's project, or "<project ID>/<phone number>", or an
// identity (project_id and phone_number). The read that follows fetches the number; nothing counts as
// written by this resource until an apply writes it.
func (r *ActiveNumberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	diags := &resp.Diagnostics
	var projectID, phoneNumber string
	switch {
	case req.ID != "":
		var named bool
		if projectID, phoneNumber, named = strings.Cut(req.ID, "/"); !named {
			projectID, phoneNumber = "", req.ID
			if r.data != nil && !r.data.ProjectIDUnknown {
				projectID = r.data.ProjectID
			}
		}
	case req.Identity != nil:
		projectID = shared.GetString(ctx, req.Identity, shared.AttrProjectID, diags).ValueString()
		phoneNumber = shared.GetString(ctx, req.Identity, attrPhoneNumber, diags).ValueString()
	default:
		diags.AddError("Nothing to import", "The import names neither an ID nor an identity.")
	}
	if diags.HasError() {
		return
	}
	var err error
	switch {
	case projectID == "":
		err = fmt.Errorf("%q names no project, and the provider has no project_id: import by \"<project ID>/<phone number>\"", req.ID)
	case e164.MatchString(projectID) && !e164.MatchString(phoneNumber):
		err = fmt.Errorf("%q looks like a phone number where the project ID goes: did you mean %q?", projectID, phoneNumber+"/"+projectID)
	case shared.CheckProjectID(projectID) != nil:
		err = shared.CheckProjectID(projectID)
	default:
		err = checkPhoneNumber(phoneNumber)
	}
	if err != nil {
		diags.AddError("Invalid import ID", fmt.Sprintf(
			"Import sinch_active_number by \"<phone number>\" (with the provider's project) or \"<project ID>/<phone "+
				"number>\", the number in E.164 format with its +: %s.", err))
		return
	}
	diags.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	diags.Append(resp.State.SetAttribute(ctx, path.Root(attrPhoneNumber), phoneNumber)...)
	diags.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrID), phoneNumber)...)
	diags.Append(shared.MarkImported(ctx, resp.Private, false)...)
}
