package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// noopWebhook has the attributes of sinch_conversation_webhook, with the same flags and defaults, so
// that Terraform's per-resource cost is the same; it makes no call.
type noopWebhook struct{}

func (noopWebhook) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webhook"
}

// secretAttributes are the four attributes of a secret in both forms.
func secretAttributes(name string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		name:                 schema.StringAttribute{Optional: true, Sensitive: true},
		name + "_wo":         schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true},
		name + "_wo_version": schema.NumberAttribute{Optional: true},
		name + "_wo_status":  schema.StringAttribute{Computed: true},
	}
}

func (noopWebhook) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	credentials := map[string]schema.Attribute{
		"client_id":          schema.StringAttribute{Required: true},
		"endpoint":           schema.StringAttribute{Required: true},
		"scope":              schema.StringAttribute{Optional: true},
		"response_type":      schema.StringAttribute{Optional: true},
		"token_request_type": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("BASIC")},
	}
	for name, a := range secretAttributes("client_secret") {
		credentials[name] = a
	}
	attributes := map[string]schema.Attribute{
		"id":         schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"project_id": schema.StringAttribute{Optional: true, Computed: true},
		"app_id": schema.StringAttribute{Required: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"target":             schema.StringAttribute{Required: true},
		"target_type":        schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("HTTP")},
		"triggers":           schema.SetAttribute{ElementType: types.StringType, Required: true},
		"client_credentials": schema.SingleNestedAttribute{Optional: true, Attributes: credentials},
	}
	for name, a := range secretAttributes("secret") {
		attributes[name] = a
	}
	resp.Schema = schema.Schema{Attributes: attributes}
}

// apply stores the plan, with what the provider would compute.
func (noopWebhook) apply(ctx context.Context, plan resource.CreateRequest, state *resource.CreateResponse) {
	state.State.Raw = plan.Plan.Raw.Copy()
	var target types.String
	state.Diagnostics.Append(plan.Plan.GetAttribute(ctx, path.Root("target"), &target)...)
	state.Diagnostics.Append(state.State.SetAttribute(ctx, path.Root("id"), "noop-"+target.ValueString())...)
	state.Diagnostics.Append(state.State.SetAttribute(ctx, path.Root("secret_wo_status"), types.StringNull())...)
}

func (w noopWebhook) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	w.apply(ctx, req, resp)
}

func (noopWebhook) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (noopWebhook) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw.Copy()
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("secret_wo_status"), types.StringNull())...)
}

func (noopWebhook) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
