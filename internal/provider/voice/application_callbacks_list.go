package voice

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

var _ list.ListResourceWithConfigure = &ApplicationCallbacksResource{}

// ListResourceConfigSchema is the list block of Voice applications' callback URLs. Sinch's Voice API
// lists no applications, and takes only requests signed with an application's own secret, so the list is
// of the applications whose secrets the provider has (voice_applications), or the one named.
func (r *ApplicationCallbacksResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the callback URLs of the Voice applications whose secrets the provider has (`" +
			shared.VoiceApplicationsSetting + "`, or `SINCH_APPLICATION_KEY`) (Terraform 1.14 and later, `terraform query`), " +
			"each with its identity, for an `import` block or `terraform query -generate-config-out`: the generated " +
			"configuration plans no change as it stands. Sinch lists no Voice applications, and signs for none without " +
			"its secret.",
		Attributes: map[string]schema.Attribute{
			attrKey: schema.StringAttribute{Optional: true,
				MarkdownDescription: "Only this application, whose secret the provider must have. All of them by default."},
		},
	}
}

// List reads the callback URLs of each application whose secret the provider has, in the order of their
// keys, until the query's limit.
func (r *ApplicationCallbacksResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	keys := r.data.VoiceApplicationKeys()
	if only := shared.GetString(ctx, req.Config, attrKey, &diags).ValueString(); only != "" {
		keys = []string{only}
	}
	shared.StreamFound(ctx, req, stream, func(yield func(shared.Found) bool) diag.Diagnostics {
		for _, key := range keys {
			calls := r.data.VoiceCalls(key, &diags)
			if diags.HasError() {
				return diags
			}
			urls, err := calls.CallbackURLs(r.data.LogContext(ctx), key)
			if err != nil {
				diags.Append(errorDiagnostic(r.data, key, "read", err))
				return diags
			}
			name := "application " + key + ": " + orNone(urls.Primary)
			if urls.Fallback != "" {
				name += ", then " + urls.Fallback
			}
			found := shared.Found{
				Identity:    map[string]any{attrKey: key},
				DisplayName: name,
				Resource: func(ctx context.Context, state shared.AttributeAccess, diags *diag.Diagnostics) {
					diags.Append(state.SetAttribute(ctx, path.Root(attrKey), key)...)
					setURLs(ctx, state, key, urls, diags)
				},
			}
			if !yield(found) {
				break
			}
		}
		return diags
	})
}

func orNone(url string) string {
	if url == "" {
		return "no callback URL"
	}
	return url
}
