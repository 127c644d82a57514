package webhooks

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// ImportState takes "<project ID>/<webhook ID>", or "<webhook ID>" with the provider's project, and the
// suffix ":write-only" for a configuration that uses secret_wo (and client_secret_wo): then only digests
// of the secrets are kept, never the secrets (and of a secret Sinch never answers, nothing). Or an
// identity, whose write_only says the same. The read that follows fetches the webhook.
func (r *WebhookResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var projectID, webhookID string
	var writeOnly bool
	var err error
	if req.ID == "" {
		var identity map[string]string
		identity, writeOnly = shared.ImportedIdentity(ctx, req.Identity, []string{shared.AttrProjectID, attrWebhookID}, &resp.Diagnostics)
		projectID, webhookID = identity[shared.AttrProjectID], identity[attrWebhookID]
		if resp.Diagnostics.HasError() {
			return
		}
	} else {
		var id string
		var named bool
		id, writeOnly, err = shared.ParseImportID(req.ID)
		if projectID, webhookID, named = strings.Cut(id, "/"); !named {
			projectID, webhookID = "", id
			if r.data != nil && !r.data.ProjectIDUnknown {
				projectID = r.data.ProjectID
			}
		}
	}
	switch {
	case err != nil:
	case projectID == "":
		err = fmt.Errorf("%q names no project, and the provider has no project_id: import by \"<project ID>/<webhook ID>\"", req.ID)
	case shared.CheckProjectID(projectID) != nil:
		err = shared.CheckProjectID(projectID)
	case looksLikeAWebhookID(projectID) && !looksLikeAWebhookID(webhookID):
		swapped := webhookID + "/" + projectID
		if writeOnly {
			swapped += shared.WriteOnlyImportSuffix
		}
		err = fmt.Errorf("%q looks like a webhook ID where the project ID goes (a Sinch project ID is a UUID, a webhook ID "+
			"26 letters and digits): did you mean %q?", projectID, swapped)
	default:
		err = checkWebhookID(webhookID)
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf(
			"Import %s by \"<project ID>/<webhook ID>\" or \"<webhook ID>\" (with the provider's "+
				"project), with %q at the end when the configuration uses the write-only form of the secrets: %s.", r.api.terraformType(),
			shared.WriteOnlyImportSuffix, err))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(shared.AttrID), webhookID)...)
	resp.Diagnostics.Append(shared.MarkImported(ctx, resp.Private, writeOnly)...)
}

// webhookIDPattern is the form of Sinch's webhook IDs: ULIDs, 26 characters of Crockford's base32.
var webhookIDPattern = regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{26}$`)

// looksLikeAWebhookID tells whether an ID has the form of Sinch's webhook IDs, for a hint when the two
// parts of an import ID seem swapped.
func looksLikeAWebhookID(id string) bool { return webhookIDPattern.MatchString(id) }
