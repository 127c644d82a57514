package shared

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

// ProviderData is what resources and data sources receive from Configure: one per configuration of
// the provider, which Terraform makes once per run of a command.
type ProviderData struct {
	// APIs holds the calls of each API (by TypeName), which share one client and token. An API is
	// missing while a setting it needs is known only after apply: UnknownSettings names those.
	APIs map[string]*client.CallbackConfigurations
	// Webhooks holds the calls of each webhook API (by its key), missing while a setting they need is
	// unknown; AppCallbackSettings are the Conversation API's calls of its apps' callback settings, at the
	// same host as its webhooks.
	Webhooks            map[string]*client.Webhooks
	AppCallbackSettings *client.AppCallbackSettings
	// ActiveNumbers are the Numbers API's calls of a project's rented numbers, at the host of its
	// callback configuration (numbers_api_url); missing while that setting is unknown.
	ActiveNumbers *client.ActiveNumbers
	// UnknownSettings are the settings that the provider block sets to values known only after apply.
	UnknownSettings []string
	// ProjectID is the default project: the provider's project_id or SINCH_PROJECT_ID, or empty.
	// ProjectIDUnknown says that the provider's project_id is known only after apply.
	ProjectID        string
	ProjectIDUnknown bool
	// ProjectFrom says where ProjectID came from: FromBlock or FromEnv.
	ProjectFrom string
	// ConversationHost names the Conversation API's host and the setting that picked it, for messages.
	ConversationHost string
	// Voice holds the Voice API's calls of applications' callback URLs, signed with each application's
	// key and secret, not with the access token; missing while a setting they need is unknown. See
	// VoiceCalls.
	Voice *client.VoiceApplications
	// VoiceSecretFrom says, by application key, where the provider's secret of each Voice application came
	// from, for messages (VoiceSecretFromBlock, VoiceSecretFromEnv); VoiceSecretsUnknown are the
	// application keys whose secret the provider block sets to a value known only after apply.
	VoiceSecretFrom     map[string]string
	VoiceSecretsUnknown []string
	// SettingSecrets are the secrets of the provider's settings (the access key's, the Voice applications'),
	// masked in the log entries of every operation.
	SettingSecrets []string
	// UserAgent names the provider, the framework and Terraform, as the client's requests do: for the
	// requests that the actions send to callback handlers.
	UserAgent string
	// Plans counts the plans of this run: of each project's secret, of each app's webhooks.
	Plans *PlanCounts
}

// LogContext returns ctx with the secrets of the settings and the given secrets masked in every log entry
// made with it, the client's included. Operations call it once, before their first call to Sinch.
func (d *ProviderData) LogContext(ctx context.Context, secrets ...string) context.Context {
	return maskSecrets(ctx, append(secrets, d.SettingSecrets...)...)
}

// ProviderDataFrom unpacks what Configure handed over; it is nil before the provider is configured.
func ProviderDataFrom(data any, diags *diag.Diagnostics) *ProviderData {
	if data == nil {
		return nil
	}
	d, ok := data.(*ProviderData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *shared.ProviderData, got %T. This is a bug in the provider.", data))
	}
	return d
}

// Unknown tells whether any of the settings is known only after apply.
func (d *ProviderData) Unknown(settings ...string) bool {
	for _, name := range d.UnknownSettings {
		if slices.Contains(settings, name) {
			return true
		}
	}
	return false
}

// ClientSettings are the settings that make the provider's client with its access token (its
// clientKey), which every call but the Voice API's needs.
var ClientSettings = []string{"key_id", "key_secret", "token_url", "max_retries", "request_timeout"}

// HTTPSettings are the settings of the client's requests, which every call needs, the Voice API's too.
var HTTPSettings = []string{"max_retries", "request_timeout"}

// ConversationSettings are the settings the Conversation API's calls need beside ClientSettings.
var ConversationSettings = []string{"conversation_region", "conversation_api_url"}

// CallbackConfigurations returns the calls of an API, or nil after adding an error: when a setting the
// calls need is known only after apply, or when the provider was not configured (for this API).
func (d *ProviderData) CallbackConfigurations(api sinchapi.CallbackAPI, diags *diag.Diagnostics) *client.CallbackConfigurations {
	if d != nil && d.APIs[api.TypeName] != nil {
		return d.APIs[api.TypeName]
	}
	d.notConfigured(diags, append(slices.Clone(ClientSettings), api.URLSetting))
	return nil
}

// WebhookCalls returns the calls of a webhook API, or nil after adding an error, as
// CallbackConfigurations does.
func (d *ProviderData) WebhookCalls(api sinchapi.WebhookAPI, diags *diag.Diagnostics) *client.Webhooks {
	if d != nil && d.Webhooks[api.Key] != nil {
		return d.Webhooks[api.Key]
	}
	d.notConfigured(diags, slices.Concat(ClientSettings, WebhookSettings(api)))
	return nil
}

// AppCallbackSettingsCalls returns the Conversation API's calls of its apps' callback settings, or nil
// after adding an error, as CallbackConfigurations does.
func (d *ProviderData) AppCallbackSettingsCalls(diags *diag.Diagnostics) *client.AppCallbackSettings {
	if d != nil && d.AppCallbackSettings != nil {
		return d.AppCallbackSettings
	}
	d.notConfigured(diags, slices.Concat(ClientSettings, ConversationSettings))
	return nil
}

// ActiveNumbersCalls returns the Numbers API's calls of active numbers, or nil after adding an error, as
// CallbackConfigurations does.
func (d *ProviderData) ActiveNumbersCalls(diags *diag.Diagnostics) *client.ActiveNumbers {
	if d != nil && d.ActiveNumbers != nil {
		return d.ActiveNumbers
	}
	d.notConfigured(diags, append(slices.Clone(ClientSettings), NumbersAPI.URLSetting))
	return nil
}

// NumbersAPI is the Numbers API of the table, whose host serves the active numbers too.
var NumbersAPI, _ = sinchapi.ByKey("numbers")

// WebhookSettings are the settings the calls of a webhook API need beside ClientSettings: the
// Conversation API's region and URL, or the API's URL setting.
func WebhookSettings(api sinchapi.WebhookAPI) []string {
	if api.Key == sinchapi.Conversation.Key {
		return ConversationSettings
	}
	return []string{api.URLSetting}
}

// notConfigured explains why calls that need the given settings are missing: a setting known only after
// apply, or a provider that Terraform did not configure.
func (d *ProviderData) notConfigured(diags *diag.Diagnostics, settings []string) {
	explained := false
	for _, name := range settings {
		if d != nil && d.Unknown(name) {
			explained = true
			diags.AddError("Sinch provider setting not known yet", fmt.Sprintf(
				"The provider's %s depends on a value that is known only after apply, and this step must call Sinch "+
					"(to refresh a resource, or to read a data source or an ephemeral resource). Give %s a value known "+
					"at plan time, or set %s instead. Resources that are only being created need no call at plan time.",
				name, name, EnvVarsOf(name)))
		}
	}
	if !explained {
		diags.AddError("Sinch provider not configured",
			"Terraform asked for a call to Sinch before it configured the provider. This is a bug in Terraform or "+
				"in the provider: please report it.")
	}
}

// The places a setting's value comes from, as a diagnostic names them.
const (
	FromBlock   = "the provider block"
	FromEnv     = "the environment"
	FromDefault = "the default"
)

// ResolveProjectID returns the project a resource or data source addresses: its own project_id, else
// the provider's. It is unknown while either of those is, and null (with an error) when there is none.
func ResolveProjectID(configured types.String, data *ProviderData, diags *diag.Diagnostics) types.String {
	switch {
	case !configured.IsNull():
		return configured
	case data.ProjectIDUnknown:
		return types.StringUnknown()
	case data.ProjectID != "":
		return types.StringValue(data.ProjectID)
	default:
		diags.AddAttributeError(path.Root("project_id"), "Missing Sinch project",
			"No project is named: set project_id here, or project_id in the provider block, "+
				"or the SINCH_PROJECT_ID environment variable.")
		return types.StringNull()
	}
}

// ProjectToRead is the project a data source or ephemeral resource reads: its own project_id, else
// the provider's; null after adding an error when there is none, or it is known only after apply.
func (d *ProviderData) ProjectToRead(configured types.String, diags *diag.Diagnostics) types.String {
	projectID := ResolveProjectID(configured, d, diags)
	if projectID.IsUnknown() {
		diags.AddAttributeError(path.Root("project_id"), "Sinch project not known yet",
			"The provider's project_id depends on a value that is known only after apply, and this read needs it "+
				"now. Set project_id here, or give the provider's project_id a value known at plan time "+
				"(or SINCH_PROJECT_ID).")
		return types.StringNull()
	}
	return projectID
}

// ProjectCheck says what to check when Sinch says that a project does not exist: project_id, and where
// the provider's comes from when it is the provider's.
func (d *ProviderData) ProjectCheck(projectID string) NotFoundCheck {
	text := "Check project_id."
	if d != nil && d.ProjectID != "" && d.ProjectID == projectID {
		from := "the provider block"
		if d.ProjectFrom == FromEnv {
			from = "the SINCH_PROJECT_ID environment variable"
		}
		text = fmt.Sprintf("Check project_id: this resource's own, or else the provider's, which comes from %s.", from)
	}
	return NotFoundCheck{Text: text, At: path.Root(AttrProjectID)}
}
