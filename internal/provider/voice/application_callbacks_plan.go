package voice

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// ModifyPlan warns of a destroy, which leaves the URLs at Sinch; refuses an application whose secret the
// provider does not have; warns of an http URL and of another resource for the same application; and, in
// the plan of a create, reads the URLs the application has, to warn of those the apply replaces.
func (r *ApplicationCallbacksResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	diags := &resp.Diagnostics
	in := shared.NewPlanInput(req)
	if req.Plan.Raw.IsNull() {
		diags.AddWarning("Callback URLs stay at Sinch", fmt.Sprintf(
			"Sinch has no way to delete a Voice application's callback URLs, so destroying those of Voice application %q "+
				"only makes Terraform stop managing them: Sinch keeps sending the application's call events to %s. To send "+
				"them elsewhere, apply other URLs before destroying, or change them in the Sinch dashboard.",
			shared.GetString(ctx, in.State, attrKey, diags).ValueString(), described(ctx, in.State, diags)))
		return
	}
	key := shared.GetString(ctx, in.Config, attrKey, diags)
	if r.data == nil || key.IsUnknown() || diags.HasError() {
		return
	}
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root(shared.AttrID), key)...)
	if !r.data.CheckVoiceSecret(key.ValueString(), diags) {
		return
	}
	sends := "the application's call events, with the numbers of the callers,"
	shared.WarnOfCleartext(ctx, in.Config, path.Root(attrPrimaryURL), "primary_url", sends, diags)
	shared.WarnOfCleartext(ctx, in.Config, path.Root(attrFallbackURL), "fallback_url", sends, diags)
	if r.data.Plans.Add("sinch_"+callbacksType, key.ValueString()) > 1 {
		diags.AddAttributeWarning(path.Root(attrKey), "Another resource sets this application's callback URLs", fmt.Sprintf(
			"Another sinch_%s in this configuration, planned before this one, also sets the callback URLs of Voice "+
				"application %q. Each apply would write one's URLs over the other's, and every plan would show drift. Keep "+
				"one per application.", callbacksType, key.ValueString()))
	}
	if !in.Existing {
		r.warnOfReplacedURLs(ctx, in, key.ValueString(), diags)
	}
}

// described names the URLs of a configuration, plan or state, for messages: `primary "p" and fallback
// "f"`, or `primary "p" (no fallback)`.
func described(ctx context.Context, of shared.AttributeGetter, diags *diag.Diagnostics) string {
	return describe(shared.GetString(ctx, of, attrPrimaryURL, diags).ValueString(), shared.GetString(ctx, of, attrFallbackURL, diags).ValueString())
}

func describe(primary, fallback string) string {
	if fallback == "" {
		return fmt.Sprintf("primary %q (no fallback)", primary)
	}
	return fmt.Sprintf("primary %q and fallback %q", primary, fallback)
}

// warnOfReplacedURLs reads, in the plan of a create, the URLs the application has, and warns when the
// apply replaces them: "create" reads like "add", and the application's calls go wherever its URLs say.
// A refused read is an error here already, as the apply would be refused the same way; a read that fails
// otherwise, or cannot be made yet, only says that the plan could not tell.
func (r *ApplicationCallbacksResource) warnOfReplacedURLs(ctx context.Context, in shared.PlanInput, key string, diags *diag.Diagnostics) {
	importHow := fmt.Sprintf("To keep the URLs the application has, import them rather than create: an import block with "+
		"id = %q (or terraform import sinch_%s.<name> %s), then change them when the handlers are ready.", key, callbacksType, key)
	if r.data.Voice == nil || r.data.Unknown(shared.VoiceSettings...) || slices.Contains(r.data.VoiceSecretsUnknown, key) {
		diags.AddAttributeWarning(path.Root(attrPrimaryURL), "Could not tell what callback URLs the application has", fmt.Sprintf(
			"The plan reads the callback URLs of Voice application %q, to warn when the apply replaces them, and cannot "+
				"yet: a setting the read needs (voice_api_url, or the application's secret in voice_applications) is known "+
				"only after apply. The apply sets the configured URLs all the same, over whatever URLs the application "+
				"has. %s", key, importHow))
		return
	}
	held, err := r.data.Voice.CallbackURLs(r.data.LogContext(ctx), key)
	switch {
	case isUnknownApplication(err) || isRefused(err):
		diags.Append(errorDiagnostic(r.data, key, "read", err))
		return
	case err != nil:
		diags.AddAttributeWarning(path.Root(attrPrimaryURL), "Could not tell what callback URLs the application has", fmt.Sprintf(
			"The plan reads the callback URLs of Voice application %q, to warn when the apply replaces them, and the "+
				"read failed: %s. The apply sets the configured URLs all the same. %s", key, shared.InWords(err), importHow))
		return
	case held.Primary == "" && held.Fallback == "" || sameURLs(ctx, in.Config, held, diags):
		return
	}
	unless := ""
	if configured := shared.GetString(ctx, in.Config, attrPrimaryURL, diags); configured.IsUnknown() ||
		shared.GetString(ctx, in.Config, attrFallbackURL, diags).IsUnknown() {
		unless = " (unless the configured URLs, known only at apply, are those)"
	}
	diags.AddAttributeWarning(path.Root(attrPrimaryURL), "The apply replaces the application's callback URLs", fmt.Sprintf(
		"Voice application %q sends its call events to %s now, and this create replaces those URLs with the configured "+
			"ones%s: from then on, Sinch asks the configured primary_url what to do with the application's calls. %s",
		key, describe(held.Primary, held.Fallback), unless, importHow))
}

// sameURLs tells whether the configuration sets the URLs the application has already.
func sameURLs(ctx context.Context, config shared.AttributeGetter, held *client.VoiceCallbackURLs, diags *diag.Diagnostics) bool {
	primary := shared.GetString(ctx, config, attrPrimaryURL, diags)
	fallback := shared.GetString(ctx, config, attrFallbackURL, diags)
	return primary.Equal(types.StringValue(held.Primary)) && fallback.Equal(nullIfEmpty(held.Fallback))
}
