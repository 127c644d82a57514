package provider

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ModifyPlan fills project_id from the provider when the webhook names none (a change replaces the
// webhook), plans its secrets (see secretArgument.plan), and warns of what Sinch would accept but
// should not be: an http target or token endpoint, a trigger this provider does not know, callbacks that
// nothing can verify, more than 5 webhooks on one app in this configuration.
func (r *ConversationWebhookResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	diags := &resp.Diagnostics
	if req.Plan.Raw.IsNull() || r.data == nil {
		return
	}
	in := newPlanInput(req)
	existing := in.existing
	projectID := resolveProjectID(getString(ctx, in.config, attrProjectID, diags), r.data, diags)
	if projectID.IsNull() || diags.HasError() {
		return
	}
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root(attrProjectID), projectID)...)
	if existing && !getString(ctx, in.state, attrProjectID, diags).Equal(projectID) {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root(attrProjectID))
	}

	appID := getString(ctx, in.config, attrAppID, diags)
	about := "of this webhook"
	if !appID.IsUnknown() {
		about = fmt.Sprintf("of the webhook of app %q", appID.ValueString())
	}
	webhookSecret.plan(ctx, in, resp, false, about)
	clientSecret.plan(ctx, in, resp, false, about)
	if diags.HasError() {
		return
	}
	r.warn(ctx, in.config, projectID, appID, diags)
	if existing && credentialsChanged(ctx, in.plan, in.state, diags) && clientSecret.present(ctx, in.state, diags) {
		c := clientSecret.caseOf(ctx, in.config, in.state, true, in.private, false, diags)
		if !c.configured.IsUnknown() {
			diags.Append(clientSecretSendable(c, c.decide())...)
		}
	}
}

func (r *ConversationWebhookResource) warn(ctx context.Context, config attributeGetter, projectID, appID types.String, diags *diag.Diagnostics) {
	cleartext := func(at path.Path, what, sends string) {
		if u, err := url.Parse(getStringAt(ctx, config, at, diags).ValueString()); err == nil && u.Scheme == "http" {
			diags.AddAttributeWarning(at, "Callbacks in clear text", fmt.Sprintf(
				"The webhook's %s is an http:// URL: Sinch would send %s over the network in clear text. Use https://.", what, sends))
		}
	}
	cleartext(path.Root(attrTarget), "target", "the callbacks, with your customers' messages,")
	cleartext(path.Root(attrClientCredentials).AtName(attrEndpoint), "token endpoint", "the client secret")
	if unknown := unknownTriggers(getStrings(ctx, config, path.Root(attrTriggers), diags)); len(unknown) > 0 {
		diags.AddAttributeWarning(path.Root(attrTriggers), "Trigger not known to the provider", fmt.Sprintf(
			"This provider does not know the trigger(s) %s. Sinch adds triggers over time, so the plan goes on; if "+
				"it is a typo, Sinch refuses it at apply. The known triggers are %s.",
			strings.Join(unknown, ", "), strings.Join(knownTriggers, ", ")))
	}
	secret, _ := webhookSecret.configured(ctx, config, diags)
	if secret.IsNull() && !clientSecret.present(ctx, config, diags) {
		diags.AddAttributeWarning(path.Root(webhookSecret.name), "Callbacks that nothing can verify", fmt.Sprintf(
			"The webhook has neither a secret (%s or %s) nor client_credentials, so its callbacks carry no "+
				"signature and no token: a handler cannot tell them from requests that anyone can send to its URL. "+
				"Set a secret, and verify x-sinch-webhook-signature in the handler.", webhookSecret.plain(), webhookSecret.writeOnly()))
	}
	if !projectID.IsUnknown() && !appID.IsUnknown() {
		if n := r.data.plans.add("sinch_conversation_webhook", projectID.ValueString(), appID.ValueString()); n > maxWebhooksPerApp {
			diags.AddAttributeWarning(path.Root(attrAppID), "More webhooks than an app may have", fmt.Sprintf(
				"This configuration puts %d webhooks on app %q of project %q, and Sinch lets an app have at most %d: "+
					"Sinch will refuse this one. Send several triggers to one webhook instead.",
				n, appID.ValueString(), projectID.ValueString(), maxWebhooksPerApp))
		}
	}
}
