package numbers

import (
	"context"
	"fmt"
	"net/url"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// unlinkedSMS is the planned SMS configuration of a number that the apply unlinks.
var unlinkedSMS = types.ObjectValueMust(smsObjectTypes, map[string]attr.Value{
	attrServicePlanID: types.StringValue(""), attrCampaignID: types.StringNull()})

// ModifyPlan fills project_id from the provider when the resource names none, replaces the resource
// for another project, warns that a destroy changes nothing at Sinch, and plans the blocks the
// configuration leaves out (planLinks).
func (r *ActiveNumberResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	diags := &resp.Diagnostics
	in := shared.NewPlanInput(req)
	if req.Plan.Raw.IsNull() {
		diags.AddWarning("Number stays rented and configured", fmt.Sprintf(
			"Destroying sinch_active_number %s of project %q changes nothing at Sinch: the project keeps renting the "+
				"number, with the service plan, voice link and callback URL it has; Terraform only stops managing it. "+
				"This provider never releases a number (a released number may be gone for good). To send its traffic "+
				"elsewhere, apply that before destroying; to release it, use the Sinch dashboard.",
			shared.GetString(ctx, in.State, attrPhoneNumber, diags).ValueString(),
			shared.GetString(ctx, in.State, shared.AttrProjectID, diags).ValueString()))
		return
	}
	if r.data == nil {
		return
	}
	projectID := shared.ResolveProjectID(shared.GetString(ctx, in.Config, shared.AttrProjectID, diags), r.data, diags)
	if projectID.IsNull() || diags.HasError() {
		return
	}
	diags.Append(in.Plan.SetAttribute(ctx, path.Root(shared.AttrProjectID), projectID)...)
	diags.Append(in.Plan.SetAttribute(ctx, path.Root(shared.AttrID), shared.GetString(ctx, in.Config, attrPhoneNumber, diags))...)
	if in.Existing {
		if !shared.GetString(ctx, in.State, shared.AttrProjectID, diags).Equal(projectID) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root(shared.AttrProjectID))
		}
		r.planLinks(ctx, in, resp)
	}
	callbackURL := shared.GetString(ctx, in.Config, attrCallbackURL, diags)
	if u, err := url.Parse(callbackURL.ValueString()); !callbackURL.IsUnknown() && err == nil && u.Scheme == "http" {
		diags.AddAttributeWarning(path.Root(attrCallbackURL), "Provisioning events in clear text", fmt.Sprintf(
			"callback_url %q is an http:// URL: Sinch would send the number's provisioning events, and their "+
				"signatures, over the network in clear text. Use https://.", callbackURL.ValueString()))
	}
	if !diags.HasError() {
		resp.Plan.Raw = in.Plan.Value()
	}
}

// planLinks plans the blocks that the configuration of an existing number leaves out: as Sinch has them
// (an imported number plans no change), except an SMS link that this resource wrote, which the apply
// unlinks. Voice is left as it is in any case: Sinch documents no way to unlink it.
func (r *ActiveNumberResource) planLinks(ctx context.Context, in shared.PlanInput, resp *resource.ModifyPlanResponse) {
	diags := &resp.Diagnostics
	managed := managedBlocks(ctx, in.Private, diags)
	for _, block := range []string{attrSMS, attrVoice} {
		at := path.Root(block)
		configured, err := in.Config.At(at)
		if err != nil || !configured.IsNull() {
			continue
		}
		link, linked := smsLinkAt(ctx, in.State, diags)
		if block == attrSMS && slices.Contains(managed, attrSMS) && linked && link.ServicePlanID != "" {
			diags.Append(in.Plan.SetAttribute(ctx, at, unlinkedSMS)...)
			continue
		}
		held, err := in.State.At(at)
		if err != nil {
			diags.AddError("Provider error", err.Error())
			return
		}
		diags.Append(in.Plan.SetAttribute(ctx, at, held)...)
	}
}

// linkRules checks at plan time what Sinch would refuse at apply: a voice link names the ID its type
// needs and no other, and a campaign needs a service plan.
type linkRules struct{}

var _ resource.ConfigValidator = linkRules{}

func (linkRules) Description(context.Context) string {
	return "voice_configuration names the ID of its type alone; campaign_id needs a service_plan_id"
}

func (v linkRules) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (linkRules) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	diags := &resp.Diagnostics
	config := shared.ViewOf(req.Config.Raw)
	voice := path.Root(attrVoice)
	if voiceType := shared.GetStringAt(ctx, config, voice.AtName(attrType), diags); !voiceType.IsNull() && !voiceType.IsUnknown() {
		needs, known := voiceIDs[voiceType.ValueString()]
		for _, t := range voiceTypes {
			id := voiceIDs[t]
			value := shared.GetStringAt(ctx, config, voice.AtName(id), diags)
			switch {
			case !known:
			case id == needs && value.IsNull():
				diags.AddAttributeError(voice.AtName(id), "Missing voice link", fmt.Sprintf(
					"voice_configuration of type %q links the number to a %s: set %s.", voiceType.ValueString(), idNoun[t], id))
			case id != needs && !value.IsNull():
				diags.AddAttributeError(voice.AtName(id), "Voice link of another type", fmt.Sprintf(
					"%s is the %s of type %q; a voice_configuration of type %q takes %s alone. Remove %s, or set type = %q.",
					id, idNoun[t], t, voiceType.ValueString(), needs, id, t))
			}
		}
	}
	sms := path.Root(attrSMS)
	plan := shared.GetStringAt(ctx, config, sms.AtName(attrServicePlanID), diags)
	if campaign := shared.GetStringAt(ctx, config, sms.AtName(attrCampaignID), diags); plan.ValueString() == "" && !plan.IsUnknown() && !plan.IsNull() && !campaign.IsNull() {
		diags.AddAttributeError(sms.AtName(attrCampaignID), "Campaign without a service plan",
			"service_plan_id \"\" unlinks the number, which then has no campaign either: set a service_plan_id for the "+
				"campaign, or leave campaign_id out to unlink.")
	}
}

// idNoun names what each voice type links to.
var idNoun = map[string]string{"RTC": "Voice app", "EST": "SIP trunk", "FAX": "fax service"}
