package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// noopActiveNumber has the attributes of sinch_active_number, with the same flags, so that Terraform's
// per-resource cost is the same; it makes no call, and waits for nothing.
type noopActiveNumber struct{}

func (noopActiveNumber) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_active_number"
}

func (noopActiveNumber) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stateForUnknown := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := schema.StringAttribute{Computed: true, PlanModifiers: stateForUnknown}
	optional := schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: stateForUnknown}
	links := []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":           computed,
		"project_id":   schema.StringAttribute{Optional: true, Computed: true},
		"phone_number": schema.StringAttribute{Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"display_name": optional,
		"callback_url": optional,
		"sms_configuration": schema.SingleNestedAttribute{Optional: true, Computed: true, PlanModifiers: links,
			Attributes: map[string]schema.Attribute{
				"service_plan_id": schema.StringAttribute{Required: true},
				"campaign_id":     schema.StringAttribute{Optional: true},
			}},
		"voice_configuration": schema.SingleNestedAttribute{Optional: true, Computed: true, PlanModifiers: links,
			Attributes: map[string]schema.Attribute{
				"type":       schema.StringAttribute{Required: true},
				"app_id":     schema.StringAttribute{Optional: true},
				"trunk_id":   schema.StringAttribute{Optional: true},
				"service_id": schema.StringAttribute{Optional: true},
			}},
		"region_code":  computed,
		"type":         computed,
		"capabilities": schema.SetAttribute{ElementType: types.StringType, Computed: true, PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()}},
		"timeouts":     timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true}),
	}}
}

// known makes the state of a plan with the values Sinch would answer where the plan has none.
func known(ctx context.Context, plan tfsdk.Plan, state *tfsdk.State) {
	state.Raw = plan.Raw.Copy()
	var phoneNumber types.String
	_ = plan.GetAttribute(ctx, path.Root("phone_number"), &phoneNumber)
	defaults := map[string]attr.Value{"id": phoneNumber, "display_name": types.StringNull(), "callback_url": types.StringNull(),
		"region_code": types.StringValue("US"), "type": types.StringValue("LOCAL"),
		"capabilities":      types.SetValueMust(types.StringType, []attr.Value{types.StringValue("SMS"), types.StringValue("VOICE")}),
		"sms_configuration": types.ObjectNull(map[string]attr.Type{"service_plan_id": types.StringType, "campaign_id": types.StringType})}
	var planned map[string]tftypes.Value
	_ = plan.Raw.As(&planned)
	for name, value := range defaults {
		if !planned[name].IsKnown() {
			_ = state.SetAttribute(ctx, path.Root(name), value)
		}
	}
}

func (noopActiveNumber) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	known(ctx, req.Plan, &resp.State)
}

func (noopActiveNumber) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (noopActiveNumber) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	known(ctx, req.Plan, &resp.State)
}

func (noopActiveNumber) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
