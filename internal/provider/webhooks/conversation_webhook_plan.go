package webhooks

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// ModifyPlan fills project_id from the provider when the webhook names none (a change replaces the
// webhook), plans its secrets (see shared.SecretArgument.Plan), and warns of what Sinch would accept but
// should not be: an http target or token endpoint, a trigger this provider does not know, callbacks that
// nothing can verify, more than 5 webhooks on one app in this configuration.
func (r *ConversationWebhookResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	diags := &resp.Diagnostics
	if req.Plan.Raw.IsNull() || r.data == nil {
		return
	}
	in := shared.NewPlanInput(req)
	existing := in.Existing
	projectID := shared.ResolveProjectID(shared.GetString(ctx, in.Config, shared.AttrProjectID, diags), r.data, diags)
	if projectID.IsNull() || diags.HasError() {
		return
	}
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	// An app lives in one project, so a webhook moves to another project only with another app, which
	// replaces it (app_id requires it). A project known only after apply (from a resource being replaced,
	// say) is the same project as often as not, and replaces nothing; if it turns out to be another one, the
	// apply's final plan fails, before any change.
	priorProject := shared.GetString(ctx, in.State, shared.AttrProjectID, diags)
	priorApp := shared.GetString(ctx, in.State, attrAppID, diags)
	switch {
	case !existing:
	case projectID.IsUnknown():
		diags.AddAttributeWarning(path.Root(shared.AttrProjectID), "Project known only after apply", fmt.Sprintf(
			"project_id is known only after apply. The webhook's app lives in project %q, so the apply expects that "+
				"project, and fails before any change if it is another one.", priorProject.ValueString()))
	case priorProject.Equal(projectID):
	case shared.GetString(ctx, in.Config, attrAppID, diags).Equal(priorApp):
		diags.AddAttributeError(path.Root(shared.AttrProjectID), "Webhook cannot move to another project", fmt.Sprintf(
			"project_id is %q, but the webhook belongs to app %q, which lives in project %q: an app lives in one "+
				"project, and Sinch would refuse the webhook in another. To move the callbacks to an app of project %q, "+
				"change app_id too, which replaces the webhook.", projectID.ValueString(), priorApp.ValueString(),
			priorProject.ValueString(), projectID.ValueString()))
		return
	default:
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root(shared.AttrProjectID))
	}

	appID := shared.GetString(ctx, in.Config, attrAppID, diags)
	about := "of this webhook"
	if !appID.IsUnknown() {
		about = fmt.Sprintf("of the webhook of app %q", appID.ValueString())
	}
	webhookSecret.Plan(ctx, in, resp, false, about)
	clientSecret.Plan(ctx, in, resp, false, about)
	if diags.HasError() {
		return
	}
	r.warn(ctx, in.Config, projectID, appID, diags)
	if existing && credentialsChanged(ctx, in.Plan, in.State, diags) && clientSecret.Present(ctx, in.State, diags) {
		c := clientSecret.CaseOf(ctx, in.Config, in.State, true, in.Private, false, diags)
		if !c.Configured.IsUnknown() {
			diags.Append(clientSecretSendable(c, c.Decide())...)
		}
	}
}

func (r *ConversationWebhookResource) warn(ctx context.Context, config shared.AttributeGetter, projectID, appID types.String, diags *diag.Diagnostics) {
	cleartext := func(at path.Path, what, sends string) {
		if u, err := url.Parse(shared.GetStringAt(ctx, config, at, diags).ValueString()); err == nil && u.Scheme == "http" {
			diags.AddAttributeWarning(at, "Callbacks in clear text", fmt.Sprintf(
				"The webhook's %s is an http:// URL: Sinch would send %s over the network in clear text. Use https://.", what, sends))
		}
	}
	cleartext(path.Root(attrTarget), "target", "the callbacks, with your customers' messages,")
	cleartext(path.Root(attrClientCredentials).AtName(attrEndpoint), "token endpoint", "the client secret")
	if unknown := unknownTriggers(shared.GetStrings(ctx, config, path.Root(attrTriggers), diags)); len(unknown) > 0 {
		diags.AddAttributeWarning(path.Root(attrTriggers), "Trigger not known to the provider", fmt.Sprintf(
			"This provider does not know the trigger(s) %s. Sinch adds triggers over time, so the plan goes on; if "+
				"it is a typo, Sinch refuses it at apply. The known triggers are %s.",
			strings.Join(unknown, ", "), strings.Join(knownTriggers, ", ")))
	}
	secret, _ := webhookSecret.Configured(ctx, config, diags)
	if credentials, decidedAtApply := clientSecret.Presence(ctx, config, diags); secret.IsNull() && !credentials && !decidedAtApply {
		diags.AddAttributeWarning(path.Root(webhookSecret.Name), "Callbacks that nothing can verify", fmt.Sprintf(
			"The webhook has neither a secret (%s or %s) nor client_credentials, so its callbacks carry no "+
				"signature and no token: a handler cannot tell them from requests that anyone can send to its URL. "+
				"Set a secret, and verify x-sinch-webhook-signature in the handler.", webhookSecret.Plain(), webhookSecret.WriteOnly()))
	}
	if !projectID.IsUnknown() && !appID.IsUnknown() {
		r.warnOfTooMany(projectID.ValueString(), appID.ValueString(), diags)
	}
}

// warnOfTooMany warns, once per app and run, when the plans of this run put more than maxWebhooksPerApp
// webhooks on one app. Which create Sinch refuses depends on the order in which they reach it, and a plan
// cannot tell which webhooks the app has already, so the warning blames none of them (Terraform shows it
// with the resource whose plan found the count over, which is not the one refused).
func (r *ConversationWebhookResource) warnOfTooMany(projectID, appID string, diags *diag.Diagnostics) {
	planned := r.data.Plans.Add("sinch_conversation_webhook", projectID, appID)
	if planned == maxWebhooksPerApp+1 {
		diags.AddWarning("More webhooks than an app may have", fmt.Sprintf(
			"This configuration puts more than %d webhooks on app %q of project %q, and Sinch lets an app have at most %d: "+
				"Sinch will refuse the creates beyond that, whichever reach it last, so which ones fail depends on the "+
				"order of the apply, not on the resource this warning is shown with. Send several triggers to one "+
				"webhook instead.", maxWebhooksPerApp, appID, projectID, maxWebhooksPerApp))
	}
}
