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

// ModifyPlan fills project_id from the provider when the resource names none; warns of a destroy, which
// leaves the secret at Sinch, of another resource of the run that sets the same app's secret, and, in the
// plan of a create, of a secret Sinch holds that the apply replaces; refuses another project for the same
// app (see shared.PlanProjectOfAnApp); and plans the secret (see shared.SecretArgument.Plan).
func (r *AppCallbackSettingsResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	diags := &resp.Diagnostics
	in := shared.NewPlanInput(req)
	if req.Plan.Raw.IsNull() {
		diags.AddWarning("Secret stays at Sinch", fmt.Sprintf(
			"Sinch has no way to delete an app's callback settings, so destroying %s only makes Terraform stop managing "+
				"them: the secret for overridden callback URLs stays as it is, and Sinch keeps signing the delivery "+
				"receipts of messages sent with a callback_url of their own with it. To make the old secret useless, "+
				"apply a new one before destroying.", r.about(ctx, in.State, diags)))
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
	appID := shared.GetString(ctx, in.Config, attrAppID, diags)
	id := types.StringUnknown()
	if !projectID.IsUnknown() && !appID.IsUnknown() {
		id = types.StringValue(projectID.ValueString() + "/" + appID.ValueString())
	}
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root(shared.AttrID), id)...)
	if in.Existing && !shared.PlanProjectOfAnApp(ctx, in, projectID, "app's callback settings", resp) {
		return
	}
	if !id.IsUnknown() && r.data.Plans.Add("sinch_"+appSettingsType, id.ValueString()) > 1 {
		diags.AddAttributeWarning(path.Root(attrAppID), "Another resource sets this app's secret", fmt.Sprintf(
			"Another sinch_%s in this configuration, planned before this one, also sets the secret for overridden "+
				"callback URLs of app %q of project %q. Each apply would write one secret over the other, so delivery "+
				"receipts would be signed with whichever came last and every plan would show drift. Keep one per app.",
			appSettingsType, appID.ValueString(), projectID.ValueString()))
	}
	if !in.Existing && !id.IsUnknown() {
		r.warnOfAReplacedSecret(ctx, in, projectID.ValueString(), appID.ValueString(), diags)
	}
	appSecret.Plan(ctx, in, resp, false, r.about(ctx, resp.Plan, diags))
}

// about names the app of a plan or state, as far as it is known.
func (r *AppCallbackSettingsResource) about(ctx context.Context, of shared.AttributeGetter, diags *diag.Diagnostics) string {
	appID := shared.GetString(ctx, of, attrAppID, diags)
	projectID := shared.GetString(ctx, of, shared.AttrProjectID, diags)
	switch {
	case appID.IsUnknown():
		return "of this app"
	case projectID.IsUnknown() || projectID.IsNull():
		return fmt.Sprintf("of app %q", appID.ValueString())
	}
	return fmt.Sprintf("of app %q of project %q", appID.ValueString(), projectID.ValueString())
}

// warnOfAReplacedSecret reads the app at plan time to warn when the create replaces a secret that Sinch
// holds (see shared.SecretArgument.WarnOfAReplacedSecret); while a setting the calls need is known only
// after apply, there is nothing to read with.
func (r *AppCallbackSettingsResource) warnOfAReplacedSecret(ctx context.Context, in shared.PlanInput, projectID, appID string, diags *diag.Diagnostics) {
	if r.data.AppCallbackSettings == nil {
		return
	}
	configured, _ := appSecret.Configured(ctx, in.Config, diags)
	answer, err := r.data.AppCallbackSettings.Get(r.data.LogContext(ctx, configured.ValueString()), projectID, appID)
	var held *string
	if err == nil {
		held = answer.Secret
	}
	appSecret.WarnOfAReplacedSecret(ctx, in.Config, shared.HeldSecret{Held: held, Err: err,
		Of:       fmt.Sprintf("for overridden callback URLs of app %q of project %q", appID, projectID),
		Verifies: "a handler that verifies x-sinch-webhook-signature of their delivery receipts",
		Subject:  appSubject(r.data, projectID, appID), TypeName: "sinch_" + appSettingsType, ImportID: projectID + "/" + appID}, diags)
}
