package webhooks

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// Update changes the webhook with one PATCH whose update_mask names only the fields that changed, and
// the secrets the rules of secretRules (in shared) say to write; target is always in the body, as Sinch
// requires. An update that changes nothing at Sinch (a new _wo_version of a secret Sinch holds) sends nothing.
func (r *ConversationWebhookResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	diags := &resp.Diagnostics
	calls := r.data.WebhookCalls(diags)
	plan, config, prior := shared.ViewOf(req.Plan.Raw), shared.ViewOf(req.Config.Raw), shared.ViewOf(req.State.Raw)
	projectID := shared.GetString(ctx, plan, shared.AttrProjectID, diags).ValueString()
	hook := webhookOf(ctx, plan, config, diags)
	hook.ID = shared.GetString(ctx, prior, shared.AttrID, diags).ValueString()
	secret, secretRule := webhookSecret.Apply(ctx, config, prior, true, req.Private, false, diags)
	credentials, credentialsRule := clientSecret.Apply(ctx, config, prior, true, req.Private, false, diags)
	mask := changedWebhookFields(ctx, plan, prior, diags)
	if secretRule.Write {
		mask = append(mask, "secret")
	}
	if credentialsRule.Write && !slices.Contains(mask, attrClientCredentials) {
		mask = append(mask, attrClientCredentials)
	}
	if slices.Contains(mask, attrClientCredentials) && hook.ClientCredentials != nil {
		diags.Append(clientSecretSendable(credentials, credentialsRule)...)
	}
	if diags.HasError() {
		return
	}
	ctx = r.data.LogContext(ctx, hook.Secrets()...)
	tflog.Debug(ctx, "Updating the webhook", map[string]any{"project_id": projectID, "webhook_id": hook.ID, "update_mask": mask})
	if len(mask) > 0 {
		if _, err := calls.Update(ctx, projectID, hook, mask); err != nil {
			diags.Append(shared.APIErrorDiagnostic(webhookSubject(r.data, projectID, hook.ID, hook.AppID), "update", err))
			return
		}
	}
	state := shared.ViewOf(req.Plan.Raw)
	webhookSecret.Record(ctx, secret, secretRule, secretRule.Write, state, resp.Private, diags)
	clientSecret.Record(ctx, credentials, credentialsRule, slices.Contains(mask, attrClientCredentials), state, resp.Private, diags)
	r.save(ctx, state, &resp.State, resp.Identity, diags)
}

// changedWebhookFields names, in the API's words, the fields other than the secrets whose planned
// value differs from the state: target, target_type, triggers, and client_credentials when any of its
// fields but the client secret changed, or it came or went.
func changedWebhookFields(ctx context.Context, plan, state shared.AttributeGetter, diags *diag.Diagnostics) []string {
	var changed []string
	for _, name := range []string{attrTarget, attrTargetType, attrTriggers} {
		if !attributeEqual(ctx, plan, state, path.Root(name), diags) {
			changed = append(changed, name)
		}
	}
	if credentialsChanged(ctx, plan, state, diags) {
		changed = append(changed, attrClientCredentials)
	}
	return changed
}

// credentialsChanged tells whether client_credentials came, went, or changed in a field other than its
// client secret (whose own rules decide when to write it).
func credentialsChanged(ctx context.Context, plan shared.AttributeGetter, state shared.AttributeGetter, diags *diag.Diagnostics) bool {
	if clientSecret.Present(ctx, plan, diags) != clientSecret.Present(ctx, state, diags) {
		return true
	}
	for _, name := range []string{attrClientID, attrEndpoint, attrScope, attrResponseType, attrTokenRequestType} {
		if !attributeEqual(ctx, plan, state, path.Root(attrClientCredentials).AtName(name), diags) {
			return true
		}
	}
	return false
}

// clientSecretSendable refuses to send client_credentials when its write-only client secret must not
// be written: Sinch takes client_credentials as a whole, so the configured client secret goes with any
// change of it, and with client_secret_wo_version unchanged, a value that is not the one Sinch holds
// (a new random one, say) must not reach Sinch.
func clientSecretSendable(c shared.SecretCase, rule shared.SecretRule) diag.Diagnostics {
	var diags diag.Diagnostics
	if c.WriteOnly && !rule.Write && !c.Held {
		diags.AddAttributeError(clientSecret.Version(), "Client secret must be written with client_credentials", fmt.Sprintf(
			"Sinch takes client_credentials as a whole, client secret included, so this change of client_credentials "+
				"sends %s. Its value is not the one last written, and since %s did not change, the provider does not "+
				"send it. Change %s too, to write the client secret with the other fields.",
			clientSecret.WriteOnly(), clientSecret.Version(), clientSecret.Version()))
	}
	return diags
}

// attributeEqual tells whether a string attribute, or a set of strings (triggers), has the same value
// in both.
func attributeEqual(ctx context.Context, a, b shared.AttributeGetter, at path.Path, diags *diag.Diagnostics) bool {
	if x, ok := a.(*shared.View); ok {
		if y, ok := b.(*shared.View); ok {
			xv, errX := x.At(at)
			yv, errY := y.At(at)
			if errX != nil || errY != nil {
				diags.AddError("Provider error", fmt.Sprint(errX, errY))
			}
			return xv.Equal(yv)
		}
	}
	if at.Equal(path.Root(attrTriggers)) {
		var x, y types.Set
		diags.Append(a.GetAttribute(ctx, at, &x)...)
		diags.Append(b.GetAttribute(ctx, at, &y)...)
		return x.Equal(y)
	}
	return shared.GetStringAt(ctx, a, at, diags).Equal(shared.GetStringAt(ctx, b, at, diags))
}
