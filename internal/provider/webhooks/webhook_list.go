package webhooks

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ list.ListResourceWithConfigure = &WebhookResource{}

// The filters of a webhook's list block.
const (
	attrTrigger      = "trigger"
	attrTargetPrefix = "target_prefix"
)

// ListResourceConfigSchema is the list block of the webhooks: the scope (the project, and the app where
// the API's webhooks belong to one) and filters.
func (r *WebhookResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attributes := map[string]schema.Attribute{
		shared.AttrProjectID: shared.ListProjectAttribute(r.api.Name + " API webhooks"),
		attrTrigger: schema.StringAttribute{Optional: true,
			MarkdownDescription: "Only the webhooks that send this trigger (or `ALL`, which sends every one)."},
		attrTargetPrefix: schema.StringAttribute{Optional: true,
			MarkdownDescription: "Only the webhooks whose target starts with this, such as `https://callbacks.example.com/`."},
	}
	scope := "a project's"
	if r.api.ScopedByApp {
		attributes[attrAppID] = schema.StringAttribute{Required: true, MarkdownDescription: "The app whose webhooks to list."}
		scope = "an app's"
	}
	resp.Schema = schema.Schema{Attributes: attributes, MarkdownDescription: fmt.Sprintf(
		"Lists %s %s API webhooks (Terraform 1.14 and later, `terraform query`), each with its identity, for an `import` "+
			"block or `terraform query -generate-config-out`. The identity has `write_only = true` and the resource "+
			"object holds no secret: add `%s` to the generated configuration.", scope, r.api.Name, r.api.secret.WriteOnly())}
}

// List reads the webhooks of the scope, page after page until the query's limit, and gives each one that
// the filters keep.
func (r *WebhookResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	calls := r.api.calls(r.data, &diags)
	projectID := ""
	if calls != nil {
		projectID = r.data.ListProject(ctx, req.Config, &diags)
	}
	var appID, trigger, prefix string
	if r.api.ScopedByApp {
		appID = shared.GetString(ctx, req.Config, attrAppID, &diags).ValueString()
	}
	trigger = shared.GetString(ctx, req.Config, attrTrigger, &diags).ValueString()
	prefix = shared.GetString(ctx, req.Config, attrTargetPrefix, &diags).ValueString()
	shared.StreamFound(ctx, req, stream, func(yield func(shared.Found) bool) diag.Diagnostics {
		if diags.HasError() {
			return diags
		}
		err := calls.Pages(r.data.LogContext(ctx), projectID, appID, func(page []client.Webhook) bool {
			for _, hook := range page {
				keep := strings.HasPrefix(hook.Target, prefix) &&
					(trigger == "" || slices.Contains(hook.Triggers, trigger) || slices.Contains(hook.Triggers, "ALL"))
				if keep && !yield(r.found(projectID, appID, hook)) {
					return false
				}
			}
			return true
		})
		if err != nil {
			diags.Append(shared.APIErrorDiagnostic(r.api.subject(r.data, projectID, "", appID), "list the webhooks of", err))
		}
		return diags
	})
}

// found is a webhook of the list: its identity, write-only, and its resource object, as an import reads
// it, without its secrets.
func (r *WebhookResource) found(projectID, appID string, hook client.Webhook) shared.Found {
	name := fmt.Sprintf("%s → %s (%s)", hook.ID, hook.Target, strings.Join(hook.Triggers, ", "))
	if c := hook.ClientCredentials; c != nil {
		// The generated configuration has client_credentials = {}, as it is sensitive as a whole: these are
		// what to write there, beside the client secret.
		name += fmt.Sprintf(", client credentials of %s at %s", c.ClientID, c.Endpoint)
	}
	if r.api.ScopedByApp {
		name = fmt.Sprintf("app %s: %s", orDefault(hook.AppID, appID), name)
	}
	return shared.Found{
		Identity:    map[string]any{shared.AttrProjectID: projectID, attrWebhookID: hook.ID, shared.IdentityWriteOnly: true},
		DisplayName: name,
		Resource: func(ctx context.Context, state shared.AttributeAccess, diags *diag.Diagnostics) {
			diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrID), hook.ID)...)
			diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
			r.setFields(ctx, &hook, state, diags)
		},
	}
}
