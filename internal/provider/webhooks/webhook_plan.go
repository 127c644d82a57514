package webhooks

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// ModifyPlan fills project_id from the provider when the webhook names none, decides whether a change
// of project replaces the webhook, plans its secrets (see shared.SecretArgument.Plan), and warns of what
// Sinch would accept but should not be, or will refuse: an http target or token endpoint, a trigger this
// provider does not know, callbacks that nothing can verify, more webhooks on one scope than Sinch
// allows, one target twice in a project, and a secret that an import could not read.
func (r *WebhookResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	diags := &resp.Diagnostics
	if req.Plan.Raw.IsNull() || r.data == nil {
		return
	}
	in := shared.NewPlanInput(req)
	projectID := shared.ResolveProjectID(shared.GetString(ctx, in.Config, shared.AttrProjectID, diags), r.data, diags)
	if projectID.IsNull() || diags.HasError() {
		return
	}
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	if in.Existing && !r.planProject(ctx, in, projectID, resp) {
		return
	}
	var appID types.String
	about := "of this webhook"
	if r.api.has(attrAppID) {
		if appID = shared.GetString(ctx, in.Config, attrAppID, diags); !appID.IsUnknown() {
			about = fmt.Sprintf("of the webhook of app %q", appID.ValueString())
		}
	}
	r.api.secret.Plan(ctx, in, resp, false, about)
	if r.api.has(attrClientCredentials) {
		clientSecret.Plan(ctx, in, resp, false, about)
	}
	if diags.HasError() {
		return
	}
	r.warn(ctx, in, projectID, appID, diags)
	if r.api.has(attrClientCredentials) && in.Existing && credentialsChanged(ctx, in.Plan, in.State, diags) && clientSecret.Present(ctx, in.State, diags) {
		c := clientSecret.CaseOf(ctx, in.Config, in.State, true, in.Private, false, diags)
		if !c.Configured.IsUnknown() {
			diags.Append(clientSecretSendable(c, c.Decide())...)
		}
	}
}

// planProject decides what a change of project does to an existing webhook, and tells whether the plan
// goes on. A webhook of another project is another webhook: it replaces this one, also when the project
// is known only after apply, as the plan cannot tell that it is the same. A Conversation API webhook
// belongs to an app, which lives in one project: see shared.PlanProjectOfAnApp.
func (r *WebhookResource) planProject(ctx context.Context, in shared.PlanInput, projectID types.String, resp *resource.ModifyPlanResponse) bool {
	if r.api.ScopedByApp {
		return shared.PlanProjectOfAnApp(ctx, in, projectID, "webhook", resp)
	}
	if !shared.GetString(ctx, in.State, shared.AttrProjectID, &resp.Diagnostics).Equal(projectID) {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root(shared.AttrProjectID))
	}
	return true
}

func (r *WebhookResource) warn(ctx context.Context, in shared.PlanInput, projectID, appID types.String, diags *diag.Diagnostics) {
	config := in.Config
	shared.WarnOfCleartext(ctx, config, path.Root(attrTarget), "The webhook's target",
		"the callbacks, with what they tell of your customers and senders,", diags)
	if r.api.has(attrClientCredentials) {
		shared.WarnOfCleartext(ctx, config, path.Root(attrClientCredentials).AtName(attrEndpoint), "The webhook's token endpoint",
			"the client secret", diags)
	}
	if unknown := r.api.unknownTriggers(shared.GetStrings(ctx, config, path.Root(attrTriggers), diags)); len(unknown) > 0 {
		diags.AddAttributeWarning(path.Root(attrTriggers), "Trigger not known to the provider", fmt.Sprintf(
			"This provider does not know the trigger(s) %s. Sinch adds triggers over time, so the plan goes on; if "+
				"it is a typo, Sinch refuses it at apply. The known triggers are %s.",
			strings.Join(unknown, ", "), strings.Join(r.api.Triggers, ", ")))
	}
	if !r.api.secretRequired() {
		secret, _ := r.api.secret.Configured(ctx, config, diags)
		if credentials, decidedAtApply := clientSecret.Presence(ctx, config, diags); secret.IsNull() && !credentials && !decidedAtApply {
			diags.AddAttributeWarning(path.Root(r.api.secret.Name), "Callbacks that nothing can verify", fmt.Sprintf(
				"The webhook has neither a secret (%s or %s) nor client_credentials, so its callbacks carry no "+
					"signature and no token: a handler cannot tell them from requests that anyone can send to its URL. "+
					"Set a secret, and verify x-sinch-webhook-signature in the handler.", r.api.secret.Plain(), r.api.secret.WriteOnly()))
		}
	}
	if r.api.secret.NeverAnswered && in.Existing {
		r.warnOfAnUnreadSecret(ctx, in, diags)
	}
	scope := appID
	if !r.api.ScopedByApp {
		scope = projectID
	}
	if !projectID.IsUnknown() && !scope.IsUnknown() {
		r.warnOfTooMany(projectID.ValueString(), scope.ValueString(), diags)
		if target := shared.GetString(ctx, config, attrTarget, diags); r.api.TargetUnique && !target.IsUnknown() {
			r.warnOfATargetTwice(projectID.ValueString(), target.ValueString(), diags)
		}
	}
}

// warnOfAnUnreadSecret says, in the plan after an import, that Sinch never answers the secret: the
// state holds none of it, and the apply writes the configured one.
func (r *WebhookResource) warnOfAnUnreadSecret(ctx context.Context, in shared.PlanInput, diags *diag.Diagnostics) {
	s := r.api.secret
	if !shared.GetStringAt(ctx, in.State, s.Plain(), diags).IsNull() || !shared.GetStringAt(ctx, in.State, s.Status(), diags).IsNull() {
		return
	}
	form := s.Plain()
	if _, writeOnly := s.Configured(ctx, in.Config, diags); writeOnly {
		form = s.WriteOnly()
	}
	diags.AddAttributeWarning(form, "The apply writes the webhook's secret", fmt.Sprintf(
		"Sinch never answers a %s webhook's secret, so the state holds nothing of the secret webhook %q has now (it "+
			"was imported, say): the apply writes the configured %s to it, and the webhook's events are signed with "+
			"that one from then on.", r.api.Name, shared.GetString(ctx, in.State, shared.AttrID, diags).ValueString(), form))
}

// warnOfTooMany warns, once per scope and run, when the plans of this run put more webhooks on one scope
// (an app, or a project) than Sinch allows. Which create Sinch refuses depends on the order in which they
// reach it, and a plan cannot tell which webhooks the scope has already, so the warning blames none of
// them (Terraform shows it with the resource whose plan found the count over, which is not the one
// refused).
func (r *WebhookResource) warnOfTooMany(projectID, scope string, diags *diag.Diagnostics) {
	planned := r.data.Plans.Add(r.api.terraformType(), projectID, scope)
	if planned == r.api.Limit+1 {
		diags.AddWarning(fmt.Sprintf("More webhooks than a%s %s may have", article(r.api.scopeKind()), r.api.scopeKind()), fmt.Sprintf(
			"This configuration puts more than %d webhooks on %s, and Sinch lets a%s %s have at most %d: Sinch will "+
				"refuse the creates beyond that, whichever reach it last, so which ones fail depends on the order of the "+
				"apply, not on the resource this warning is shown with. Send several triggers to one webhook instead.",
			r.api.Limit, r.scopeOfProject(projectID, scope), article(r.api.scopeKind()), r.api.scopeKind(), r.api.Limit))
	}
}

// warnOfATargetTwice warns when the plans of this run give one target to two webhooks of a project,
// where a target is unique: Sinch refuses the second create.
func (r *WebhookResource) warnOfATargetTwice(projectID, target string, diags *diag.Diagnostics) {
	if r.data.Plans.Add(r.api.terraformType()+":target", projectID, target) == 2 {
		diags.AddAttributeWarning(path.Root(attrTarget), "One target, two webhooks", fmt.Sprintf(
			"This configuration gives the target %q to two webhooks of project %q, and a project has one webhook per "+
				"target: Sinch will refuse the create that reaches it last. Give the events to one webhook (it takes "+
				"several triggers).", target, projectID))
	}
}
