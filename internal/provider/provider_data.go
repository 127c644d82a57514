package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

// providerData is what resources and data sources receive from Configure: one per configuration of
// the provider, which Terraform makes once per run of a command.
type providerData struct {
	// apis holds the calls of each API (by typeName), which share one client and token. An API is
	// missing while a setting it needs is known only after apply: unknownSettings names those.
	apis map[string]*client.CallbackConfigurations
	// webhooks are the Conversation API's calls, nil while a setting they need is unknown.
	webhooks        *client.Webhooks
	unknownSettings []string
	// projectID is the default project: the provider's project_id or SINCH_PROJECT_ID, or empty.
	// projectIDUnknown says that the provider's project_id is known only after apply.
	projectID        string
	projectIDUnknown bool
	// projectFrom says where projectID came from: fromBlock or fromEnv.
	projectFrom string
	// conversationHost names the Conversation API's host and the setting that picked it, for messages.
	conversationHost string
	// keySecret is masked in the log entries of every operation.
	keySecret string
	// plans counts the plans of this run: of each project's secret, of each app's webhooks.
	plans *planCounts
}

// logContext returns ctx with the access key's secret and the given secrets masked in every log entry
// made with it, the client's included. Operations call it once, before their first call to Sinch.
func (d *providerData) logContext(ctx context.Context, secrets ...string) context.Context {
	return maskSecrets(ctx, append(secrets, d.keySecret)...)
}

// providerDataFrom unpacks what Configure handed over; it is nil before the provider is configured.
func providerDataFrom(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	d, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider.", data))
	}
	return d
}

// unknown tells whether any of the settings is known only after apply.
func (d *providerData) unknown(settings ...string) bool {
	for _, name := range d.unknownSettings {
		if slices.Contains(settings, name) {
			return true
		}
	}
	return false
}

// conversationSettings are the settings the Conversation API's calls need beside sharedSettings.
var conversationSettings = []string{"conversation_region", "conversation_api_url"}

// callbackConfigurations returns the calls of an API, or nil after adding an error: when a setting the
// calls need is known only after apply, or when the provider was not configured (for this API).
func (d *providerData) callbackConfigurations(api callbackAPI, diags *diag.Diagnostics) *client.CallbackConfigurations {
	if d != nil && d.apis[api.TypeName] != nil {
		return d.apis[api.TypeName]
	}
	d.notConfigured(diags, api.URLSetting)
	return nil
}

// webhookCalls returns the Conversation API's calls, or nil after adding an error, as
// callbackConfigurations does.
func (d *providerData) webhookCalls(diags *diag.Diagnostics) *client.Webhooks {
	if d != nil && d.webhooks != nil {
		return d.webhooks
	}
	d.notConfigured(diags, conversationSettings...)
	return nil
}

// notConfigured explains why calls that need the given settings (beside sharedSettings) are missing:
// a setting known only after apply, or a provider that Terraform did not configure.
func (d *providerData) notConfigured(diags *diag.Diagnostics, settings ...string) {
	explained := false
	for _, name := range append(slices.Clone(sharedSettings), settings...) {
		if d != nil && d.unknown(name) {
			explained = true
			diags.AddError("Sinch provider setting not known yet", fmt.Sprintf(
				"The provider's %s depends on a value that is known only after apply, and this step must call Sinch "+
					"(to refresh a resource, or to read a data source or an ephemeral resource). Give %s a value known "+
					"at plan time, or set %s instead. Resources that are only being created need no call at plan time.",
				name, name, envVarOf(name)))
		}
	}
	if !explained {
		diags.AddError("Sinch provider not configured",
			"Terraform asked for a call to Sinch before it configured the provider. This is a bug in Terraform or "+
				"in the provider: please report it.")
	}
}

// resolveProjectID returns the project a resource or data source addresses: its own project_id, else
// the provider's. It is unknown while either of those is, and null (with an error) when there is none.
func resolveProjectID(configured types.String, data *providerData, diags *diag.Diagnostics) types.String {
	switch {
	case !configured.IsNull():
		return configured
	case data.projectIDUnknown:
		return types.StringUnknown()
	case data.projectID != "":
		return types.StringValue(data.projectID)
	default:
		diags.AddAttributeError(path.Root("project_id"), "Missing Sinch project",
			"No project is named: set project_id here, or project_id in the provider block, "+
				"or the SINCH_PROJECT_ID environment variable.")
		return types.StringNull()
	}
}

// projectToRead is the project a data source or ephemeral resource reads: its own project_id, else
// the provider's; null after adding an error when there is none, or it is known only after apply.
func (d *providerData) projectToRead(configured types.String, diags *diag.Diagnostics) types.String {
	projectID := resolveProjectID(configured, d, diags)
	if projectID.IsUnknown() {
		diags.AddAttributeError(path.Root("project_id"), "Sinch project not known yet",
			"The provider's project_id depends on a value that is known only after apply, and this read needs it "+
				"now. Set project_id here, or give the provider's project_id a value known at plan time "+
				"(or SINCH_PROJECT_ID).")
		return types.StringNull()
	}
	return projectID
}

// readCallbackConfiguration reads, in an API, the configuration of the project that a data source or
// ephemeral resource names (or the provider's default). The secret is null when the project has none
// set. It returns false after adding an error.
func (d *providerData) readCallbackConfiguration(ctx context.Context, api callbackAPI, configured types.String, diags *diag.Diagnostics) (projectID types.String, secret types.String, ok bool) {
	calls := d.callbackConfigurations(api, diags)
	if calls == nil {
		return projectID, secret, false
	}
	if projectID = d.projectToRead(configured, diags); projectID.IsNull() {
		return projectID, secret, false
	}
	answer, err := calls.Get(d.logContext(ctx), projectID.ValueString())
	if err != nil {
		diags.Append(apiErrorDiagnostic(api.subject(projectID.ValueString(), d), "read", err))
		return projectID, secret, false
	}
	return projectID, optionalSecret(answer.HMACSecret), true
}

// projectCheck says what to check when Sinch says that a project does not exist: project_id, and where
// the provider's comes from when it is the provider's.
func (d *providerData) projectCheck(projectID string) notFoundCheck {
	text := "Check project_id."
	if d != nil && d.projectID != "" && d.projectID == projectID {
		from := "the provider block"
		if d.projectFrom == fromEnv {
			from = "the SINCH_PROJECT_ID environment variable"
		}
		text = fmt.Sprintf("Check project_id: this resource's own, or else the provider's, which comes from %s.", from)
	}
	return notFoundCheck{text: text, at: path.Root(attrProjectID)}
}
