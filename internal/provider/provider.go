// Package provider is the Terraform provider for Sinch: its schemas, and the mapping between Terraform
// and the API client.
package provider

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

var (
	_ provider.Provider                       = &SinchProvider{}
	_ provider.ProviderWithFunctions          = &SinchProvider{}
	_ provider.ProviderWithEphemeralResources = &SinchProvider{}
)

// SinchProvider is the provider for Sinch's registration APIs.
type SinchProvider struct {
	version string

	// clients keeps one client per configuration for the life of the process: Terraform configures a
	// provider more than once in some runs, and every call of one process should share one token.
	mu      sync.Mutex
	clients map[clientKey]*client.Client
}

// clientKey is what makes two clients differ.
type clientKey struct {
	settings
	terraformVersion string
}

// SinchProviderModel is the provider block.
type SinchProviderModel struct {
	ProjectID types.String `tfsdk:"project_id"`
	KeyID     types.String `tfsdk:"key_id"`
	KeySecret types.String `tfsdk:"key_secret"`
	APIURL    types.String `tfsdk:"api_url"`
	TokenURL  types.String `tfsdk:"token_url"`

	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
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
		MarkdownDescription: "Manages the callback configuration of Sinch projects through Sinch's registration APIs.",
		Attributes: map[string]schema.Attribute{
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The Sinch project that resources and data sources use when they name none. " +
					"Falls back to the `SINCH_PROJECT_ID` environment variable.",
				Optional:   true,
				Validators: []validator.String{projectIDValidator},
			},
			"key_id": schema.StringAttribute{
				MarkdownDescription: "The ID of a Sinch access key (Sinch dashboard, Access keys). " +
					"Falls back to the `SINCH_KEY_ID` environment variable. Required in one of the two.",
				Optional: true,
			},
			"key_secret": schema.StringAttribute{
				MarkdownDescription: "The secret of that access key. Falls back to the `SINCH_KEY_SECRET` " +
					"environment variable. Required in one of the two.",
				Optional:  true,
				Sensitive: true,
			},
			"api_url": schema.StringAttribute{
				MarkdownDescription: "The base URL of the API. Falls back to the `SINCH_API_URL` environment variable, " +
					"then to `" + client.DefaultAPIURL + "`. Must be `https://`, or `http://` on a loopback host.",
				Optional:   true,
				Validators: []validator.String{endpointURLValidator},
			},
			"token_url": schema.StringAttribute{
				MarkdownDescription: "The OAuth2 token endpoint. Falls back to the `SINCH_TOKEN_URL` environment variable, " +
					"then to `" + client.DefaultTokenURL + "`. Must be `https://`, or `http://` on a loopback host.",
				Optional:   true,
				Validators: []validator.String{endpointURLValidator},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a request is repeated after an answer of 429 or 5xx (but 501), " +
					"or a connection error, with jittered exponential backoff from 250 ms up to 30 s, or what " +
					"`Retry-After` asks for, up to 30 s. 0 to 10; falls back to the `SINCH_MAX_RETRIES` environment " +
					"variable, then to " + defaultMaxRetries + ".",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, maxMaxRetries)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "How long one attempt of a request may take, as a duration such as `\"30s\"` or " +
					"`\"2m\"`, above zero and at most " + fmt.Sprintf("%.0f", maxRequestTimeout.Minutes()) + " minutes. Falls back to the " +
					"`SINCH_REQUEST_TIMEOUT` environment variable, then to `" + defaultRequestTimeout + "`.",
				Optional:   true,
				Validators: []validator.String{durationValidator},
			},
		},
	}
}

// Configure makes the client that resources and data sources share. A setting that is known only
// after apply (say, an access key that another resource of the run creates) is no error here: the plan
// of a resource to create needs no call, and Terraform configures the provider again, with the value,
// before it applies. Only a call that needs such a setting fails, when it is made.
func (p *SinchProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config SinchProviderModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings, unknown, diags := resolveSettings(config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	data := &providerData{projectID: settings.projectID, keySecret: settings.keySecret, plans: newProjectPlans()}
	for _, name := range unknown {
		if name == "project_id" {
			data.projectIDUnknown = true
		} else {
			data.unknownSettings = append(data.unknownSettings, name)
		}
	}
	if len(data.unknownSettings) == 0 {
		c, err := p.client(clientKey{settings, req.TerraformVersion})
		if err != nil {
			resp.Diagnostics.AddError("Invalid Sinch provider configuration", err.Error())
			return
		}
		data.client = c
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
		APIURL:         key.apiURL,
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

func (p *SinchProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewCallbackConfigurationResource}
}

func (p *SinchProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{NewCallbackConfigurationDataSource}
}

func (p *SinchProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{NewCallbackConfigurationEphemeralResource}
}

func (p *SinchProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{NewCallbackSignatureFunction, NewCallbackSignatureBase64Function}
}
