// Package provider is the Terraform provider for Sinch: its settings, its configuration, and the list of
// its types. Each family of types (the callback configurations, the webhooks, the Voice API's, the
// rented numbers) is a package of its own, which holds their schemas and the mapping between Terraform
// and the API client, over the package shared.
package provider

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/callbackconfig"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/numbers"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/voice"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/webhooks"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

var (
	_ provider.Provider                       = &SinchProvider{}
	_ provider.ProviderWithFunctions          = &SinchProvider{}
	_ provider.ProviderWithEphemeralResources = &SinchProvider{}
	_ provider.ProviderWithListResources      = &SinchProvider{}
	_ provider.ProviderWithActions            = &SinchProvider{}
)

// SinchProvider is the provider for Sinch's callbacks: the callback configurations of several APIs, the
// webhooks of the Conversation and Provisioning APIs, a Conversation app's callback settings, and a Voice
// application's callback URLs.
type SinchProvider struct {
	version string

	// clients keeps one client per configuration for the life of the process: Terraform configures a
	// provider more than once in some runs, and every call of one process, to every API, should share
	// one token.
	mu      sync.Mutex
	clients map[clientKey]*client.Client
}

// clientKey is what makes two clients differ: the settings that every API shares.
type clientKey struct {
	keyID, keySecret, tokenURL, maxRetries, requestTimeout string
	terraformVersion                                       string
}

// New returns a constructor of the provider, as providerserver expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &SinchProvider{version: version, clients: map[clientKey]*client.Client{}}
	}
}

func (p *SinchProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "sinch"
	resp.Version = p.version
}

func (p *SinchProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages Sinch's callbacks: the HMAC secret with which Sinch signs the callbacks of its " +
			apiNames() + " APIs; the webhooks of the Conversation API (where an app's callbacks go, and the secrets that sign " +
			"them) and of the Provisioning API (where sender onboarding events go); a Conversation app's secret for " +
			"overridden callback URLs; a Voice application's callback URLs; and where the traffic and provisioning " +
			"events of the project's rented numbers go.",
		Attributes: providerSchemaAttributes(),
	}
}

// Configure makes the client that resources and data sources share. A setting that is known only
// after apply (say, an access key that another resource of the run creates) is no error here: the plan
// of a resource to create needs no call, and Terraform configures the provider again, with the value,
// before it applies. Only a call that needs such a setting fails, when it is made. So does a call that
// needs the access token when the access key is missing: the Voice API's calls need none.
func (p *SinchProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	values := readProviderConfig(ctx, req.Config, &resp.Diagnostics)
	voiceBlock := readVoiceApplications(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resolved, diags := resolveSettings(values)
	resp.Diagnostics.Append(diags...)
	voice, diags := resolveVoiceApplications(voiceBlock)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings := resolved.values
	data := &shared.ProviderData{ProjectID: settings["project_id"], ProjectFrom: resolved.from["project_id"],
		APIs: map[string]*client.CallbackConfigurations{}, Webhooks: map[string]*client.Webhooks{}, Plans: shared.NewPlanCounts(),
		VoiceSecretFrom: voice.from, VoiceSecretsUnknown: voice.unknownSecrets, SettingSecrets: []string{settings["key_secret"]},
		UserAgent: userAgent(p.version, req.TerraformVersion)}
	for _, secret := range voice.secrets {
		data.SettingSecrets = append(data.SettingSecrets, secret)
	}
	if voice.unknown {
		resolved.unknown = append(resolved.unknown, shared.VoiceApplicationsSetting)
	}
	for _, name := range resolved.unknown {
		if name == "project_id" {
			data.ProjectIDUnknown = true
		} else {
			data.UnknownSettings = append(data.UnknownSettings, name)
		}
	}
	if err := p.makeCalls(data, settings, resolved, voice, req.TerraformVersion); err != nil {
		resp.Diagnostics.AddError("Invalid Sinch provider configuration", err.Error())
		return
	}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.EphemeralResourceData = data
	resp.ListResourceData = data
	resp.ActionData = data
}

// makeCalls gives data the calls of every API whose settings are known, over one client: those of the
// access token's APIs, and the Voice API's, which need no access key.
func (p *SinchProvider) makeCalls(data *shared.ProviderData, settings map[string]string, resolved resolvedSettings,
	voice voiceApplications, terraformVersion string) error {
	if data.Unknown(shared.HTTPSettings...) {
		return nil
	}
	key := clientKey{tokenURL: settings["token_url"], maxRetries: settings["max_retries"],
		requestTimeout: settings["request_timeout"], terraformVersion: terraformVersion}
	withToken := !data.Unknown(shared.ClientSettings...)
	if withToken {
		key.keyID, key.keySecret = settings["key_id"], settings["key_secret"]
	}
	c, err := p.client(key)
	if err != nil {
		return err
	}
	if !data.Unknown(shared.VoiceSettings...) {
		if data.Voice, err = c.VoiceApplications(settings["voice_api_url"], voice.secrets); err != nil {
			return err
		}
	}
	if !withToken {
		return nil
	}
	for _, api := range sinchapi.CallbackAPIs {
		if data.Unknown(api.URLSetting) {
			continue
		}
		if data.APIs[api.TypeName], err = c.CallbackConfigurations(api, settings[api.URLSetting]); err != nil {
			return err
		}
	}
	if !data.Unknown(shared.NumbersAPI.URLSetting) {
		if data.ActiveNumbers, err = c.ActiveNumbers(settings[shared.NumbersAPI.URLSetting]); err != nil {
			return err
		}
	}
	for _, api := range sinchapi.WebhookAPIs {
		if data.Unknown(shared.WebhookSettings(api)...) {
			continue
		}
		baseURL := settings[api.URLSetting]
		if api.Key == sinchapi.Conversation.Key {
			baseURL = shared.ConversationURL(settings["conversation_region"], settings["conversation_api_url"])
			data.ConversationHost = resolved.conversationHost()
			if data.AppCallbackSettings, err = c.AppCallbackSettings(baseURL); err != nil {
				return err
			}
		}
		if data.Webhooks[api.Key], err = c.WebhooksOf(api, baseURL); err != nil {
			return err
		}
	}
	return nil
}

// client returns the client already made for key in this process, or a new one.
func (p *SinchProvider) client(key clientKey) (*client.Client, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.clients[key]; ok {
		return c, nil
	}
	// Both were checked by resolveSettings. The access key may be missing (see client.NoAccessKeyError).
	maxRetries, _ := strconv.Atoi(key.maxRetries)
	requestTimeout, _ := time.ParseDuration(key.requestTimeout)
	c, err := client.New(client.Config{
		TokenURL:       key.tokenURL,
		KeyID:          key.keyID,
		KeySecret:      key.keySecret,
		UserAgent:      userAgent(p.version, key.terraformVersion),
		MaxRetries:     maxRetries,
		RequestTimeout: requestTimeout,
		Log:            shared.LogToTflog,
	})
	if err != nil {
		return nil, err
	}
	p.clients[key] = c
	return c, nil
}

// Resources, DataSources, EphemeralResources, Functions and Actions list the types of every family, each
// made in its own package: the callback configurations (one type per API of sinchapi.CallbackAPIs), the
// webhooks, the Voice API's, then the rented numbers.

func (p *SinchProvider) Resources(_ context.Context) []func() resource.Resource {
	return slices.Concat(callbackconfig.Resources(), webhooks.Resources(), voice.Resources(), numbers.Resources())
}

func (p *SinchProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return slices.Concat(callbackconfig.DataSources(), webhooks.DataSources(), voice.DataSources(), numbers.DataSources())
}

func (p *SinchProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return slices.Concat(callbackconfig.EphemeralResources(), webhooks.EphemeralResources())
}

// ListResources are the resource types themselves: each lists its objects for `terraform query`.
func (p *SinchProvider) ListResources(ctx context.Context) []func() list.ListResource {
	var types []func() list.ListResource
	for _, f := range p.Resources(ctx) {
		if _, ok := f().(list.ListResource); ok {
			types = append(types, func() list.ListResource { lr, _ := f().(list.ListResource); return lr })
		}
	}
	return types
}

func (p *SinchProvider) Functions(_ context.Context) []func() function.Function {
	return slices.Concat(callbackconfig.Functions(), webhooks.Functions(), voice.Functions())
}

func (p *SinchProvider) Actions(_ context.Context) []func() action.Action {
	return slices.Concat(callbackconfig.Actions(), webhooks.Actions())
}

// apiNames names every API of the table, for the docs: "A, B and C".
func apiNames() string {
	var names []string
	for _, api := range sinchapi.CallbackAPIs {
		names = append(names, api.Name)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
