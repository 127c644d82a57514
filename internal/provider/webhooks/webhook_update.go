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

// Update changes the webhook with one PATCH of the fields that changed (named in update_mask for the
// Conversation API, whose body always holds the target, as Sinch requires; alone in the body otherwise),
// and the secrets the rules of secretRules (in shared) say to write. An update that changes nothing at
// Sinch sends nothing.
func (r *WebhookResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	diags := &resp.Diagnostics
	calls := r.api.calls(r.data, diags)
	plan, config, prior := shared.ViewOf(req.Plan.Raw), shared.ViewOf(req.Config.Raw), shared.ViewOf(req.State.Raw)
	projectID := shared.GetString(ctx, plan, shared.AttrProjectID, diags).ValueString()
	hook := r.webhookOf(ctx, plan, config, diags)
	hook.ID = shared.GetString(ctx, prior, shared.AttrID, diags).ValueString()
	secret, secretRule := r.api.secret.Apply(ctx, config, prior, true, req.Private, false, diags)
	mask := r.changedFields(ctx, plan, prior, diags)
	if secretRule.Write {
		mask = append(mask, "secret")
	}
	var credentials shared.SecretCase
	var credentialsRule shared.SecretRule
	if r.api.has(attrClientCredentials) {
		credentials, credentialsRule = clientSecret.Apply(ctx, config, prior, true, req.Private, false, diags)
		if credentialsRule.Write && !slices.Contains(mask, attrClientCredentials) {
			mask = append(mask, attrClientCredentials)
		}
		if slices.Contains(mask, attrClientCredentials) && hook.ClientCredentials != nil {
			diags.Append(clientSecretSendable(credentials, credentialsRule)...)
		}
	}
	if diags.HasError() {
		return
	}
	ctx = r.data.LogContext(ctx, hook.Secrets()...)
	tflog.Debug(ctx, "Updating the webhook", map[string]any{"project_id": projectID, "webhook_id": hook.ID, "fields": mask})
	if len(mask) > 0 {
		if _, err := calls.Update(ctx, projectID, hook, mask); err != nil {
			diags.Append(shared.APIErrorDiagnostic(r.api.subject(r.data, projectID, hook.ID, hook.AppID), "update", err))
			return
		}
	}
	state := shared.ViewOf(req.Plan.Raw)
	r.api.secret.Record(ctx, secret, secretRule, secretRule.Write, state, resp.Private, diags)
	if r.api.has(attrClientCredentials) {
		clientSecret.Record(ctx, credentials, credentialsRule, slices.Contains(mask, attrClientCredentials), state, resp.Private, diags)
	}
	r.save(ctx, state, &resp.State, resp.Identity, diags)
}

// changedFields names, in the API's words, the fields other than the secrets whose planned value differs
// from the state: target, triggers, and for the Conversation API target_type, and client_credentials when
// any of its fields but the client secret changed, or it came or went.
func (r *WebhookResource) changedFields(ctx context.Context, plan, state *shared.View, diags *diag.Diagnostics) []string {
	var changed []string
	for _, name := range []string{attrTarget, attrTargetType, attrTriggers} {
		if (name != attrTargetType || r.api.has(name)) && !attributeEqual(ctx, plan, state, path.Root(name), diags) {
			changed = append(changed, name)
		}
	}
	if r.api.has(attrClientCredentials) && credentialsChanged(ctx, plan, state, diags) {
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
