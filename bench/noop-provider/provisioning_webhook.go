package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// noopProvisioningWebhook has the attributes of sinch_provisioning_webhook, with the same flags, so
// that Terraform's per-resource cost is the same; it makes no call.
type noopProvisioningWebhook struct{}

func (noopProvisioningWebhook) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_provisioning_webhook"
}

func (noopProvisioningWebhook) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := map[string]schema.Attribute{
		"id":         schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"project_id": schema.StringAttribute{Optional: true, Computed: true},
		"target":     schema.StringAttribute{Required: true},
		"triggers":   schema.SetAttribute{ElementType: types.StringType, Required: true},
	}
	for name, a := range secretAttributes("secret") {
		attributes[name] = a
	}
	resp.Schema = schema.Schema{Attributes: attributes}
}

func (noopProvisioningWebhook) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = req.Plan.Raw.Copy()
	var target types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("target"), &target)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), "noop-"+target.ValueString())...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("secret_wo_status"), types.StringNull())...)
}

func (noopProvisioningWebhook) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (noopProvisioningWebhook) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw.Copy()
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("secret_wo_status"), types.StringNull())...)
}

func (noopProvisioningWebhook) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}
