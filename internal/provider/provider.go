// Package provider is the Terraform provider for Sinch: its settings, its configuration, and the list of
// its types. Each family of types (the callback configurations, the webhooks) is a package of its own,
// which holds their schemas and the mapping between Terraform and the API client, over the package shared.
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
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/callbackconfig"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/webhooks"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchapi"
)

var (
	_ provider.Provider                       = &SinchProvider{}
	_ provider.ProviderWithFunctions          = &SinchProvider{}
	_ provider.ProviderWithEphemeralResources = &SinchProvider{}
	_ provider.ProviderWithActions            = &SinchProvider{}
)

// SinchProvider is the provider for Sinch's callbacks: the callback configurations of several APIs, the
// webhooks of the Conversation and Provisioning APIs, and a Conversation app's callback settings.
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
			"them) and of the Provisioning API (where sender onboarding events go); and a Conversation app's secret for " +
			"overridden callback URLs.",
		Attributes: providerSchemaAttributes(),
	}
}

// Configure makes the client that resources and data sources share. A setting that is known only
// after apply (say, an access key that another resource of the run creates) is no error here: the plan
// of a resource to create needs no call, and Terraform configures the provider again, with the value,
// before it applies. Only a call that needs such a setting fails, when it is made.
func (p *SinchProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	values := readProviderConfig(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resolved, diags := resolveSettings(values)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings := resolved.values
	data := &shared.ProviderData{ProjectID: settings["project_id"], ProjectFrom: resolved.from["project_id"], KeySecret: settings["key_secret"],
		APIs: map[string]*client.CallbackConfigurations{}, Webhooks: map[string]*client.Webhooks{}, Plans: shared.NewPlanCounts(),
		UserAgent: userAgent(p.version, req.TerraformVersion)}
	for _, name := range resolved.unknown {
		if name == "project_id" {
			data.ProjectIDUnknown = true
		} else {
			data.UnknownSettings = append(data.UnknownSettings, name)
		}
	}
	if !data.Unknown(shared.ClientSettings...) {
		c, err := p.client(clientKey{settings["key_id"], settings["key_secret"], settings["token_url"],
			settings["max_retries"], settings["request_timeout"], req.TerraformVersion})
		if err != nil {
			resp.Diagnostics.AddError("Invalid Sinch provider configuration", err.Error())
			return
		}
		for _, api := range sinchapi.CallbackAPIs {
			if data.Unknown(api.URLSetting) {
				continue
			}
			calls, err := c.CallbackConfigurations(api, settings[api.URLSetting])
			if err != nil {
				resp.Diagnostics.AddError("Invalid Sinch provider configuration", err.Error())
				return
			}
			data.APIs[api.TypeName] = calls
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
					resp.Diagnostics.AddError("Invalid Sinch provider configuration", err.Error())
					return
				}
			}
			calls, err := c.WebhooksOf(api, baseURL)
			if err != nil {
				resp.Diagnostics.AddError("Invalid Sinch provider configuration", err.Error())
				return
			}
			data.Webhooks[api.Key] = calls
		}
	}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.EphemeralResourceData = data
	resp.ActionData = data
}

// client returns the client already made for key in this process, or a new one.
func (p *SinchProvider) client(key clientKey) (*client.Client, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.clients[key]; ok {
		return c, nil
	}
	// Both were checked by resolveSettings.
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

// Resources, DataSources, EphemeralResources, Functions and Actions list the types of every family, each made in
// its own package: the callback configurations (one type per API of sinchapi.CallbackAPIs), then the
// webhooks.

func (p *SinchProvider) Resources(_ context.Context) []func() resource.Resource {
	return slices.Concat(callbackconfig.Resources(), webhooks.Resources())
}

func (p *SinchProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return slices.Concat(callbackconfig.DataSources(), webhooks.DataSources())
}

func (p *SinchProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return slices.Concat(callbackconfig.EphemeralResources(), webhooks.EphemeralResources())
}

func (p *SinchProvider) Functions(_ context.Context) []func() function.Function {
	return slices.Concat(callbackconfig.Functions(), webhooks.Functions())
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
