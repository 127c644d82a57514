// Command noop-provider is the floor for any provider plugin in the benchmark: a framework provider
// whose resources have the schemas of the Sinch provider's types that the benchmark measures (gRPC,
// schema, plan and state encoding) and make no API call.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func main() {
	err := providerserver.Serve(context.Background(), func() provider.Provider { return noopProvider{} },
		providerserver.ServeOpts{Address: "registry.terraform.io/terraform-sinch/noop"})
	if err != nil {
		log.Fatal(err)
	}
}

type noopProvider struct{}

func (noopProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "noop"
}

func (noopProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (noopProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (noopProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		func() resource.Resource { return noopConfig{} },
		func() resource.Resource { return noopWebhook{} },
		func() resource.Resource { return noopProvisioningWebhook{} },
		func() resource.Resource { return noopActiveNumber{} },
	}
}

func (noopProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

type noopConfig struct{}

// noopConfigModel has the attributes of sinch_callback_configuration, with the same flags, so that
// Terraform's per-resource cost (state decoding, sensitive and write-only values) is the same.
type noopConfigModel struct {
	ID                  types.String `tfsdk:"id"`
	ProjectID           types.String `tfsdk:"project_id"`
	HMACSecret          types.String `tfsdk:"hmac_secret"`
	HMACSecretWO        types.String `tfsdk:"hmac_secret_wo"`
	HMACSecretWOVersion types.Number `tfsdk:"hmac_secret_wo_version"`
	HMACSecretWOStatus  types.String `tfsdk:"hmac_secret_wo_status"`
}

func (noopConfig) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_config"
}

func (noopConfig) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"project_id":             schema.StringAttribute{Optional: true, Computed: true},
		"hmac_secret":            schema.StringAttribute{Optional: true, Sensitive: true},
		"hmac_secret_wo":         schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true},
		"hmac_secret_wo_version": schema.NumberAttribute{Optional: true},
		"hmac_secret_wo_status":  schema.StringAttribute{Computed: true},
	}}
}

func (noopConfig) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m noopConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.ID, m.HMACSecretWOStatus = m.ProjectID, types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

func (noopConfig) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (noopConfig) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m noopConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.HMACSecretWOStatus = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

func (noopConfig) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
