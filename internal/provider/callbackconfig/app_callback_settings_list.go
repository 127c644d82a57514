package callbackconfig

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ list.ListResourceWithConfigure = &AppCallbackSettingsResource{}

// ListResourceConfigSchema is the list block of an app's callback settings: the project and the app. An
// app has one, so the list has one result.
func (r *AppCallbackSettingsResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the callback settings of a Conversation API app (Terraform 1.14 and later, `terraform " +
			"query`): one result, with its identity, for an `import` block or `terraform query -generate-config-out`. The " +
			"identity has `write_only = true` and the resource object holds no secret: add `secret_wo` to the generated " +
			"configuration.",
		Attributes: map[string]schema.Attribute{
			shared.AttrProjectID: shared.ListProjectAttribute("app"),
			attrAppID:            schema.StringAttribute{Required: true, MarkdownDescription: "The app."},
		},
	}
}

// List reads the app: one result, or the diagnostic of the read.
func (r *AppCallbackSettingsResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	calls := r.data.AppCallbackSettingsCalls(&diags)
	projectID := ""
	if calls != nil {
		projectID = r.data.ListProject(ctx, req.Config, &diags)
	}
	appID := shared.GetString(ctx, req.Config, attrAppID, &diags).ValueString()
	shared.StreamFound(ctx, req, stream, func(yield func(shared.Found) bool) diag.Diagnostics {
		if diags.HasError() {
			return diags
		}
		held, err := calls.Get(r.data.LogContext(ctx), projectID, appID)
		if err != nil {
			diags.Append(shared.APIErrorDiagnostic(appSubject(r.data, projectID, appID), "read", err))
			return diags
		}
		secret := "a secret for overridden callback URLs set"
		switch {
		case held.Secret == nil:
			secret = "Sinch does not say whether a secret is set"
		case *held.Secret == "":
			secret = "no secret for overridden callback URLs set"
		}
		yield(shared.Found{
			Identity:    map[string]any{shared.AttrProjectID: projectID, attrAppID: appID, shared.IdentityWriteOnly: true},
			DisplayName: "project " + projectID + ": app " + appID + " (" + secret + ")",
			Resource: func(ctx context.Context, state shared.AttributeAccess, diags *diag.Diagnostics) {
				diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrID), projectID+"/"+appID)...)
				diags.Append(state.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
				diags.Append(state.SetAttribute(ctx, path.Root(attrAppID), appID)...)
			},
		})
		return diags
	})
}
