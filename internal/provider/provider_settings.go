package provider

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

const (
	defaultMaxRetries     = "4"
	defaultRequestTimeout = "30s"
	maxMaxRetries         = 10
	maxRequestTimeout     = 10 * time.Minute
)

// providerSetting is a setting of the provider block. Each comes from the block, else from its
// environment variable (envVarOf), else from its default. The provider's schema and resolveSettings
// are both made from the list, so that a setting is described once.
type providerSetting struct {
	name string
	// description says what the setting is; where its value falls back to is added.
	description string
	fallback    string
	// accessKey marks the settings of the access key, which every call but the Voice API's needs: a
	// call that needs them fails without them (see client.NoAccessKeyError), not Configure, so that a
	// configuration of Voice applications alone needs no access key.
	accessKey bool
	sensitive bool
	// whole marks the one number setting (max_retries), read as text like the others.
	whole bool
	// keyed marks the one map setting (voice_applications): application keys to their secrets, with an
	// entry from two environment variables, resolved by resolveVoiceApplications rather than as text.
	keyed bool
	// check validates a value, from the block or from the environment; checkDescription says what it
	// wants.
	check            func(string) error
	checkDescription string
	// group names settings that together pick one thing, resolved as one: when the block sets any of
	// them, the environment is read for none (conversation_region and conversation_api_url pick the
	// Conversation API's host).
	group string
}

// providerSettings lists the settings, with the base URL of each API of sinchapi.CallbackAPIs.
func providerSettings() []providerSetting {
	settings := []providerSetting{
		{name: "project_id", description: "The Sinch project that resources and data sources use when they name none.",
			check: shared.CheckProjectID, checkDescription: "a Sinch project ID"},
		{name: "key_id", accessKey: true, description: "The ID of a Sinch access key (Sinch dashboard, Access keys)."},
		{name: "key_secret", accessKey: true, sensitive: true, description: "The secret of that access key."},
	}
	for _, api := range sinchapi.CallbackAPIs {
		types := "`sinch_" + api.TypeName + "`"
		if api.URLSetting == shared.NumbersAPI.URLSetting {
			types += ", and the numbers the project rents (`sinch_active_number`, `sinch_active_numbers`)"
		}
		settings = append(settings, providerSetting{
			name: api.URLSetting, fallback: api.DefaultURL, check: checkEndpointURL, checkDescription: endpointURLDescription,
			description: fmt.Sprintf("The base URL of the %s API, for %s. Must be `https://`, or `http://` on a "+
				"loopback host.", api.Name, types),
		})
	}
	return append(settings,
		providerSetting{name: "conversation_region", group: "conversation", fallback: shared.DefaultConversationRegion, check: checkConversationRegion,
			checkDescription: "one of " + strings.Join(conversationRegions, ", "),
			description: fmt.Sprintf("The region of the Conversation API apps whose webhooks `sinch_conversation_webhook` manages: %s "+
				"(an app lives in one region). It picks the API's host, `https://<region>.conversation.api.sinch.com`. "+
				"With `conversation_api_url`, it is one setting: when the provider block sets either, the environment "+
				"variables of both are ignored.",
				strings.Join(shared.Quoted(conversationRegions), ", "))},
		providerSetting{name: "conversation_api_url", group: "conversation", check: checkEndpointURL, checkDescription: endpointURLDescription,
			description: "The base URL of the Conversation API, for `sinch_conversation_webhook`: overrides the host that " +
				"`conversation_region` picks. Must be `https://`, or `http://` on a loopback host. With `conversation_region`, " +
				"it is one setting: when the provider block sets either, the environment variables of both are ignored."},
		providerSetting{name: sinchapi.Provisioning.URLSetting, fallback: sinchapi.Provisioning.DefaultURL, check: checkEndpointURL,
			checkDescription: endpointURLDescription,
			description: "The base URL of the Provisioning API, for `sinch_provisioning_webhook`. Must be `https://`, or " +
				"`http://` on a loopback host."},
		providerSetting{name: "voice_api_url", fallback: client.DefaultVoiceURL, check: checkEndpointURL,
			checkDescription: endpointURLDescription,
			description: "The base URL of the Voice API, for `sinch_voice_application_callbacks`. Must be `https://`, or " +
				"`http://` on a loopback host."},
		providerSetting{name: shared.VoiceApplicationsSetting, keyed: true, sensitive: true,
			description: "The secrets of Voice applications, by application key: `{ \"<application key>\" = \"<application " +
				"secret>\" }`, both from the Sinch dashboard (Voice, Apps), the secret in base64 as shown there. Every " +
				"request to the Voice API is signed with its application's key and secret (the secret itself is never " +
				"sent), not with the access key. `" + shared.ApplicationKeyEnv + "` and `" + shared.ApplicationSecretEnv +
				"` together add one application; for the same key, the block's secret wins."},
		providerSetting{name: "token_url", fallback: client.DefaultTokenURL, check: checkEndpointURL, checkDescription: endpointURLDescription,
			description: "The OAuth2 token endpoint, for every API. Must be `https://`, or `http://` on a loopback host."},
		providerSetting{name: "max_retries", fallback: defaultMaxRetries, whole: true, check: checkMaxRetries,
			description: fmt.Sprintf("How many times a request is repeated after an answer of 408, 429 or 5xx (but 501), or a "+
				"connection error, with jittered exponential backoff from 250 ms up to 30 s, or what `Retry-After` asks "+
				"for, up to 30 s. 0 to %d.", maxMaxRetries)},
		providerSetting{name: "request_timeout", fallback: defaultRequestTimeout, check: checkRequestTimeout,
			checkDescription: "a duration such as \"30s\"",
			description: fmt.Sprintf("How long one attempt of a request may take, as a duration such as `\"30s\"` or "+
				"`\"2m\"`, above zero and at most %.0f minutes.", maxRequestTimeout.Minutes())},
	)
}

// providerSchemaAttributes is the provider block, made from providerSettings.
func providerSchemaAttributes() map[string]schema.Attribute {
	attributes := map[string]schema.Attribute{}
	for _, s := range providerSettings() {
		description := s.description + " Falls back to the `" + envVarOf(s.name) + "` environment variable"
		if s.fallback != "" {
			description += ", then to `" + s.fallback + "`"
		}
		description += "."
		if s.accessKey {
			description += " Needed, in one of the two, by every type but `sinch_voice_application_callbacks`: a call to " +
				"Sinch that needs it fails without it."
		}
		switch {
		case s.keyed:
			attributes[s.name] = schema.MapAttribute{ElementType: types.StringType, Optional: true, Sensitive: s.sensitive,
				MarkdownDescription: s.description}
			continue
		case s.whole:
			attributes[s.name] = schema.Int64Attribute{Optional: true, MarkdownDescription: description,
				Validators: []validator.Int64{int64validator.Between(0, maxMaxRetries)}}
			continue
		}
		var validators []validator.String
		if s.check != nil {
			validators = append(validators, shared.StringCheck(s.check, s.checkDescription))
		}
		attributes[s.name] = schema.StringAttribute{Optional: true, Sensitive: s.sensitive,
			MarkdownDescription: description, Validators: validators}
	}
	return attributes
}

// readProviderConfig reads every setting of the provider block but voice_applications (see
// readVoiceApplications), as text.
func readProviderConfig(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) map[string]types.String {
	values := map[string]types.String{}
	for _, s := range providerSettings() {
		switch {
		case s.keyed:
			continue
		case s.whole:
			var v types.Int64
			diags.Append(config.GetAttribute(ctx, path.Root(s.name), &v)...)
			values[s.name] = int64AsString(v)
			continue
		}
		var v types.String
		diags.Append(config.GetAttribute(ctx, path.Root(s.name), &v)...)
		values[s.name] = v
	}
	return values
}

// resolvedSettings are the provider's settings as resolveSettings found them.
type resolvedSettings struct {
	values map[string]string
	// from says where each value came from: shared.FromBlock, shared.FromEnv or shared.FromDefault.
	from map[string]string
	// unknown are the settings the block sets to values known only after apply.
	unknown []string
}

// resolveSettings takes each setting from the provider block (values), else from its environment
// variable, else from its default, and reports each one that is invalid as its own attribute error. A
// setting of the access key may be missing: a call that needs it says so (see providerSetting.accessKey). The settings of a group are taken from the block when it sets any of them, and otherwise from
// the environment: a plan that has them from both says which it used. A setting the block sets to a
// value known only after apply is no error here: it is in unknown, and only a call that needs it fails
// (see shared.ProviderData.CallbackConfigurations).
func resolveSettings(values map[string]types.String) (resolvedSettings, diag.Diagnostics) {
	var diags diag.Diagnostics
	r := resolvedSettings{values: map[string]string{}, from: map[string]string{}}
	inBlock := map[string]bool{} // the groups the block sets
	for _, setting := range providerSettings() {
		if configured := values[setting.name]; setting.group != "" && (configured.IsUnknown() || configured.ValueString() != "") {
			inBlock[setting.group] = true
		}
	}
	ignored := map[string][]string{} // by group, the environment variables that the block's settings beat
	for _, setting := range providerSettings() {
		at, envVar, configured := path.Root(setting.name), envVarOf(setting.name), values[setting.name]
		if setting.keyed {
			continue
		}
		if configured.IsUnknown() {
			r.unknown = append(r.unknown, setting.name)
			continue
		}
		value, from := configured.ValueString(), shared.FromBlock
		switch {
		case value != "":
		case inBlock[setting.group]:
			if os.Getenv(envVar) != "" {
				ignored[setting.group] = append(ignored[setting.group], envVar)
			}
		default:
			value, from = os.Getenv(envVar), shared.FromEnv
			// A value from the block was checked by the schema's validators; one from the
			// environment is checked here.
			if value != "" && setting.check != nil {
				if err := setting.check(value); err != nil {
					diags.AddAttributeError(at, "Invalid Sinch provider setting",
						fmt.Sprintf("The %s environment variable, used for %s: %s", envVar, setting.name, err))
					continue
				}
			}
		}
		if value == "" {
			value, from = setting.fallback, shared.FromDefault
		}
		r.values[setting.name], r.from[setting.name] = value, from
	}
	for _, envVars := range ignored {
		calls := "the host the block picks"
		if !slices.Contains(r.unknown, "conversation_region") && !slices.Contains(r.unknown, "conversation_api_url") {
			calls = r.conversationHost()
		}
		diags.AddWarning("Sinch provider settings from two places", fmt.Sprintf(
			"The provider block sets the Conversation API's host (conversation_region or conversation_api_url), and "+
				"the environment sets %s too. The two settings pick one host, so the provider takes both from the "+
				"block and ignores the environment: it calls %s. Set the host in one place.",
			strings.Join(envVars, " and "), calls))
	}
	return r, diags
}

// conversationHost names the Conversation API's host that the settings pick, and the setting that
// picked it, for messages: `us.conversation.api.sinch.com (conversation_region "us", the default)`.
func (r resolvedSettings) conversationHost() string {
	url := shared.ConversationURL(r.values["conversation_region"], r.values["conversation_api_url"])
	setting := "conversation_region"
	if r.values["conversation_api_url"] != "" {
		setting = "conversation_api_url"
	}
	from := r.from[setting]
	if from == shared.FromEnv {
		from = envVarOf(setting)
	}
	return fmt.Sprintf("%s (%s %q, from %s)", shared.HostOf(url), setting, r.values[setting], from)
}

// envVarOf names the environment variable of a provider setting: SINCH_ and its name in capitals.
func envVarOf(setting string) string { return sinchapi.EnvVarOf(setting) }
