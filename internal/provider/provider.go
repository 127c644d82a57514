// Package provider is the Terraform provider for Sinch: its schemas, and the mapping between Terraform
// and the API client.
package provider

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

var (
	_ provider.Provider                       = &SinchProvider{}
	_ provider.ProviderWithFunctions          = &SinchProvider{}
	_ provider.ProviderWithEphemeralResources = &SinchProvider{}
)

// SinchProvider is the provider for Sinch's callbacks: the callback configurations of several APIs, and
// the Conversation API's webhooks.
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

// sharedSettings are the settings of clientKey, which every call needs.
var sharedSettings = []string{"key_id", "key_secret", "token_url", "max_retries", "request_timeout"}

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
			apiNames() + " APIs, and the Conversation API's webhooks (where an app's callbacks go, and the secrets that sign them).",
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
	data := &providerData{projectID: settings["project_id"], projectFrom: resolved.from["project_id"], keySecret: settings["key_secret"],
		apis: map[string]*client.CallbackConfigurations{}, plans: newPlanCounts()}
	for _, name := range resolved.unknown {
		if name == "project_id" {
			data.projectIDUnknown = true
		} else {
			data.unknownSettings = append(data.unknownSettings, name)
		}
	}
	if !data.unknown(sharedSettings...) {
		c, err := p.client(clientKey{settings["key_id"], settings["key_secret"], settings["token_url"],
			settings["max_retries"], settings["request_timeout"], req.TerraformVersion})
		if err != nil {
			resp.Diagnostics.AddError("Invalid Sinch provider configuration", err.Error())
			return
		}
		for _, api := range callbackAPIs {
			if data.unknown(api.URLSetting) {
				continue
			}
			calls, err := c.CallbackConfigurations(api.CallbackAPI, settings[api.URLSetting])
			if err != nil {
				resp.Diagnostics.AddError("Invalid Sinch provider configuration", err.Error())
				return
			}
			data.apis[api.TypeName] = calls
		}
		if !data.unknown(conversationSettings...) {
			webhooks, err := c.Webhooks(conversationURL(settings["conversation_region"], settings["conversation_api_url"]))
			if err != nil {
				resp.Diagnostics.AddError("Invalid Sinch provider configuration", err.Error())
				return
			}
			data.webhooks, data.conversationHost = webhooks, resolved.conversationHost()
		}
	}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.EphemeralResourceData = data
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
		Log:            logToTflog,
	})
	if err != nil {
		return nil, err
	}
	p.clients[key] = c
	return c, nil
}

// Resources, DataSources and EphemeralResources have one type per API of callbackAPIs.

func (p *SinchProvider) Resources(_ context.Context) []func() resource.Resource {
	var types []func() resource.Resource
	for _, api := range callbackAPIs {
		types = append(types, func() resource.Resource { return &CallbackConfigurationResource{api: api} })
	}
	return append(types, NewConversationWebhookResource)
}

func (p *SinchProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	var types []func() datasource.DataSource
	for _, api := range callbackAPIs {
		types = append(types, func() datasource.DataSource { return &CallbackConfigurationDataSource{api: api} })
	}
	return append(types, NewConversationWebhookDataSource, NewConversationWebhooksDataSource)
}

func (p *SinchProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	var types []func() ephemeral.EphemeralResource
	for _, api := range callbackAPIs {
		types = append(types, func() ephemeral.EphemeralResource { return &CallbackConfigurationEphemeralResource{api: api} })
	}
	return append(types, NewConversationWebhookEphemeralResource)
}

func (p *SinchProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{NewCallbackSignatureFunction, NewCallbackSignatureBase64Function, NewConversationWebhookSignatureFunction}
}
