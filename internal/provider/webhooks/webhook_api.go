package webhooks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// webhookAPI is one API of sinchapi.WebhookAPIs as the provider presents it: the names, schemas, rules
// and words of its types are made from the value, so that one resource, one data source and one list
// data source serve every API. What the table says decides what a type has: an app (ScopedByApp), a
// target type and client credentials (the fields a create sends), a secret that is required or never
// answered, pages, a unique target.
type webhookAPI struct {
	sinchapi.WebhookAPI
	// secret is the webhook's secret: optional and perhaps answered (Conversation), or required and
	// never answered (Provisioning).
	secret shared.SecretArgument
	// events says, for the docs, what the callbacks are.
	events string
}

var (
	conversation = webhookAPI{WebhookAPI: sinchapi.Conversation, secret: shared.SecretArgument{Parent: path.Empty(), Name: "secret"},
		events: "an app's callbacks (messages received, delivery reports, conversation and contact events)"}
	provisioning = webhookAPI{WebhookAPI: sinchapi.Provisioning,
		secret: shared.SecretArgument{Parent: path.Empty(), Name: "secret", NeverAnswered: true},
		events: "the events of sender onboarding (WhatsApp, RCS and KakaoTalk senders, templates, accounts and bundles)"}
)

// terraformType is the type's full name, as configurations write it.
func (a webhookAPI) terraformType() string { return "sinch_" + a.TypeName }

// has tells whether the API's webhooks have a field (in the API's name): app_id, target_type,
// client_credentials.
func (a webhookAPI) has(field string) bool { return slices.Contains(a.CreateFields, field) }

// secretRequired tells whether a webhook must have a secret.
func (a webhookAPI) secretRequired() bool { return slices.Contains(a.Required, "secret") }

// scope names the scope of a webhook in messages: `app "a"`, or `project "p"`.
func (a webhookAPI) scope(projectID, appID string) string {
	if a.ScopedByApp {
		return fmt.Sprintf("app %q", appID)
	}
	return fmt.Sprintf("project %q", projectID)
}

// scopeKind is "app" or "project".
func (a webhookAPI) scopeKind() string {
	if a.ScopedByApp {
		return "app"
	}
	return "project"
}

// calls returns the API's calls, or nil after adding an error.
func (a webhookAPI) calls(d *shared.ProviderData, diags *diag.Diagnostics) *client.Webhooks {
	return d.WebhookCalls(a.WebhookAPI, diags)
}

// listType is the type of the list data source.
func (a webhookAPI) listType() string { return a.terraformType() + "s" }

// hostCheck says what to check of the host a webhook was sought at: the Conversation API's region, or
// the API's URL setting.
func (a webhookAPI) hostCheck(d *shared.ProviderData, appID string) string {
	if !a.ScopedByApp {
		return fmt.Sprintf("Check %s (or %s): it must be the base URL of Sinch's %s API, such as %s.",
			a.URLSetting, sinchapi.EnvVarOf(a.URLSetting), a.Name, a.DefaultURL)
	}
	app := "the webhook's app"
	if appID != "" {
		app = fmt.Sprintf("app %q", appID)
	}
	host := "the host of conversation_region"
	if d != nil && d.ConversationHost != "" {
		host = d.ConversationHost
	}
	return fmt.Sprintf("An app and its webhooks live in one region, and the provider calls %s: check that "+
		"conversation_region (or SINCH_CONVERSATION_REGION), or conversation_api_url (or SINCH_CONVERSATION_API_URL), "+
		"names the region of %s.", host, app)
}

// subject is a webhook, for diagnostics: by its ID, or before it has one by its scope.
func (a webhookAPI) subject(d *shared.ProviderData, projectID, webhookID, appID string) shared.CallSubject {
	what := fmt.Sprintf("webhook %q of Sinch project %q", webhookID, projectID)
	switch {
	case webhookID == "" && a.ScopedByApp:
		what = fmt.Sprintf("a webhook of app %q of Sinch project %q", appID, projectID)
	case webhookID == "":
		what = fmt.Sprintf("a webhook of Sinch project %q", projectID)
	}
	hostCheck := a.hostCheck(d, appID)
	checks := map[string]shared.NotFoundCheck{
		"":        {Text: "Check the webhook ID. " + hostCheck},
		"webhook": {Text: "Check the webhook ID. " + hostCheck},
		"project": d.ProjectCheck(projectID),
	}
	if a.ScopedByApp {
		checks["app"] = shared.NotFoundCheck{Text: "Check app_id. " + hostCheck, At: path.Root(attrAppID)}
	}
	defaultURL := a.DefaultURL
	if a.ScopedByApp {
		defaultURL = shared.ConversationURL(shared.DefaultConversationRegion, "")
	}
	return shared.CallSubject{What: what, Kind: "webhook", ProjectID: projectID, Missing: fmt.Sprintf("webhook %q", webhookID),
		Checks: checks, API: a.Name, DefaultURL: defaultURL, URLSetting: a.URLSetting, HostCheck: hostCheck}
}

// importID is the import ID of a webhook, in the form of a configuration whose secrets are write-only or
// not.
func importID(projectID, webhookID string, writeOnly bool) string {
	id := projectID + "/" + webhookID
	if writeOnly {
		id += shared.WriteOnlyImportSuffix
	}
	return id
}

// quotedAll quotes each value.
func quotedAll(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}
