package callbackconfig

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// ModifyPlan fills project_id from the provider when the resource names none, so that the plan shows
// the project that will be written; warns of a destroy, of a move to another project and of another
// resource of the run that sets the same project; and plans the secret (see shared.SecretArgument.Plan).
//
// A change of project is an update in place, not a replacement: when project_id is known only after
// apply (say, from a resource being replaced), a replacement would create, and so write hmac_secret_wo,
// although hmac_secret_wo_version did not change, even when the project turns out to be the same one.
// In place, the status is planned unknown, and apply writes only when the project really differs.
func (r *CallbackConfigurationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	diags := &resp.Diagnostics
	in := shared.NewPlanInput(req)
	existing := in.Existing
	var priorProject types.String
	if existing {
		priorProject = shared.GetString(ctx, in.State, shared.AttrProjectID, diags)
	}
	if req.Plan.Raw.IsNull() {
		diags.AddWarning("Callback configuration stays at Sinch", fmt.Sprintf(
			"Sinch has no way to delete a callback configuration, so destroying %s %s only makes Terraform stop "+
				"managing it: the secret stays as it is, and Sinch keeps signing callbacks with it. To make the old "+
				"secret useless, apply a new one before destroying.", r.api.terraformType(), r.about(priorProject)))
		return
	}
	if r.data == nil || diags.HasError() {
		return
	}
	projectID := shared.ResolveProjectID(shared.GetString(ctx, in.Config, shared.AttrProjectID, diags), r.data, diags)
	if projectID.IsNull() {
		return
	}
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root(shared.AttrID), projectID)...)
	moved := existing && !priorProject.Equal(projectID)
	switch {
	case moved && projectID.IsUnknown():
		diags.AddAttributeWarning(path.Root(shared.AttrProjectID), "Project known only after apply", fmt.Sprintf(
			"project_id is known only after apply. If it turns out to be another project than %q, the apply "+
				"sets the configured secret there, and project %q keeps the secret it has in the %s API, which Sinch "+
				"goes on signing its callbacks with; if it is the same project, nothing more is written than the "+
				"plan would write otherwise.", priorProject.ValueString(), priorProject.ValueString(), r.api.Name))
	case moved:
		diags.AddAttributeWarning(path.Root(shared.AttrProjectID), "Old project keeps its secret", fmt.Sprintf(
			"The apply sets the configured secret for project %q, and Terraform stops managing project %q, which "+
				"keeps the secret it has in the %s API: Sinch goes on signing its callbacks with it. To make that "+
				"secret useless, apply a new one to project %q first.",
			projectID.ValueString(), priorProject.ValueString(), r.api.Name, priorProject.ValueString()))
	}
	if !projectID.IsUnknown() && r.data.Plans.Add(r.api.terraformType(), projectID.ValueString()) > 1 {
		diags.AddAttributeWarning(path.Root(shared.AttrProjectID), "Another resource sets this project's secret", fmt.Sprintf(
			"Another %s in this configuration, planned before this one, also sets the callback secret of Sinch "+
				"project %q. Each apply would write one secret over the other, so callbacks would be signed with "+
				"whichever came last and every plan would show drift. Keep one %s per project.",
			r.api.terraformType(), projectID.ValueString(), r.api.terraformType()))
	}
	if !existing && !projectID.IsUnknown() {
		r.warnOfAReplacedSecret(ctx, in, projectID.ValueString(), diags)
	}
	hmacSecret.Plan(ctx, in, resp, moved, r.about(projectID))
	// The identity follows a move once the project is known; until then the prior one stands (Terraform
	// wants a known identity in the plan of an update), and the apply records the new one.
	if existing && moved && !projectID.IsUnknown() {
		shared.SetIdentity(ctx, resp.Identity, map[string]any{shared.AttrProjectID: projectID}, diags)
	}
}

// warnOfAReplacedSecret warns, in the plan of a create, when Sinch holds a secret for the project that
// the apply replaces (see shared.SecretArgument.WarnOfAReplacedSecret). It costs a read per create at
// plan time, which no other plan makes; while a setting the calls need is known only after apply, there
// is nothing to read with.
func (r *CallbackConfigurationResource) warnOfAReplacedSecret(ctx context.Context, in shared.PlanInput, projectID string, diags *diag.Diagnostics) {
	calls := r.data.APIs[r.api.TypeName]
	if calls == nil {
		return
	}
	configured, _ := hmacSecret.Configured(ctx, in.Config, diags)
	answer, err := calls.Get(r.data.LogContext(ctx, configured.ValueString()), projectID)
	var held *string
	if err == nil {
		held = &answer.HMACSecret
	}
	hmacSecret.WarnOfAReplacedSecret(ctx, in.Config, shared.HeldSecret{Held: held, Err: err,
		Of:       fmt.Sprintf("for project %q in the %s API", projectID, r.api.Name),
		Verifies: "a callback handler that verifies X-Sinch-Signature", Subject: r.api.subject(projectID, r.data),
		TypeName: r.api.terraformType(), ImportID: projectID}, diags)
}
