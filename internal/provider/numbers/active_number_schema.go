package numbers

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// defaultTimeout is how long a create or an update waits for Sinch's provisioning, unless timeouts says.
const defaultTimeout = 10 * time.Minute

// phoneNumberDescription says what phone_number takes, for its validator and the docs.
const phoneNumberDescription = "a phone number in E.164 format with its +, such as +12025550100"

// checkPhoneNumber accepts a number as the Numbers API takes it.
func checkPhoneNumber(number string) error {
	if !e164.MatchString(number) {
		return fmt.Errorf("%q is not %s", number, phoneNumberDescription)
	}
	return nil
}

// checkCallbackURL accepts absolute http and https URLs; a plan warns of http.
func checkCallbackURL(raw string) error {
	if u, err := url.Parse(raw); err != nil || !u.IsAbs() || u.Host == "" || u.Scheme != "https" && u.Scheme != "http" {
		return fmt.Errorf("%q is not an absolute https URL, such as https://events.example.com/numbers", raw)
	}
	return nil
}

func (r *ActiveNumberResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stateForUnknown := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The configuration of a **number the project has rented** (the Numbers API's active numbers): " +
			"where its SMS and voice traffic go, and where Sinch sends its provisioning events. It never rents nor " +
			"releases a number. It calls `GET` and `PATCH` `/v1/projects/{projectId}/activeNumbers/{phoneNumber}` at the " +
			"provider's `numbers_api_url`.",
		Attributes: map[string]schema.Attribute{
			shared.AttrID: schema.StringAttribute{
				MarkdownDescription: "The phone number.",
				Computed:            true,
				PlanModifiers:       stateForUnknown,
			},
			shared.AttrProjectID: schema.StringAttribute{
				MarkdownDescription: "The Sinch project that rents the number. Defaults to the provider's `project_id`. " +
					"Changing it replaces the resource (which changes nothing at Sinch for the old project).",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{shared.ProjectIDValidator},
			},
			attrPhoneNumber: schema.StringAttribute{
				MarkdownDescription: "The number, in E.164 format with its `+`, such as `+12025550100`: one the project " +
					"has rented already. Changing it replaces the resource.",
				Required:      true,
				Validators:    []validator.String{shared.StringCheck(checkPhoneNumber, phoneNumberDescription)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			attrDisplayName: schema.StringAttribute{
				MarkdownDescription: "The number's name in the Sinch dashboard. Left as Sinch has it when not set.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       stateForUnknown,
			},
			attrCallbackURL: schema.StringAttribute{
				MarkdownDescription: "The URL that receives the number's provisioning events, signed with the Numbers " +
					"API's callback secret (`sinch_numbers_callback_configuration`, `X-Sinch-Signature`): `https://` (a " +
					"plan warns of `http://`). Left as Sinch has it when not set.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{shared.StringCheck(checkCallbackURL, "an absolute https URL")},
				PlanModifiers: stateForUnknown,
			},
			attrSMS: schema.SingleNestedAttribute{
				MarkdownDescription: "The SMS service plan (and 10DLC campaign) the number is linked to. Left as Sinch " +
					"has it when not set; removing it after this resource set it unlinks the number " +
					"(`service_plan_id = \"\"`).",
				Optional: true,
				Computed: true,
				Attributes: map[string]schema.Attribute{
					attrServicePlanID: schema.StringAttribute{
						MarkdownDescription: "The SMS service plan; `\"\"` unlinks the number. A move to another " +
							"service plan unlinks the number first, as Sinch requires.",
						Required: true,
					},
					attrCampaignID: schema.StringAttribute{
						MarkdownDescription: "The 10DLC campaign, for a US local number; none when not set.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
				},
			},
			attrVoice: schema.SingleNestedAttribute{
				MarkdownDescription: "Where the number's calls go: a Voice app (`type = \"RTC\"`, `app_id`), a SIP " +
					"trunk (`EST`, `trunk_id`) or a fax service (`FAX`, `service_id`). Left as Sinch has it when not set, " +
					"also when removed (Sinch documents no way to unlink voice).",
				Optional: true,
				Computed: true,
				Attributes: map[string]schema.Attribute{
					attrType: schema.StringAttribute{
						MarkdownDescription: "`RTC`, `EST` or `FAX`.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.OneOf(voiceTypes...)},
					},
					attrAppID: schema.StringAttribute{
						MarkdownDescription: "The Voice app (its application key), with `type = \"RTC\"` only.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					attrTrunkID: schema.StringAttribute{
						MarkdownDescription: "The SIP trunk, with `type = \"EST\"` only.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					attrServiceID: schema.StringAttribute{
						MarkdownDescription: "The fax service, with `type = \"FAX\"` only.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
				},
			},
			attrRegionCode: schema.StringAttribute{
				MarkdownDescription: "The number's country, such as `US`.",
				Computed:            true,
				PlanModifiers:       stateForUnknown,
			},
			attrType: schema.StringAttribute{
				MarkdownDescription: "`MOBILE`, `LOCAL` or `TOLL_FREE`.",
				Computed:            true,
				PlanModifiers:       stateForUnknown,
			},
			attrCapabilities: schema.SetAttribute{
				MarkdownDescription: "`SMS`, `VOICE` or both.",
				ElementType:         types.StringType,
				Computed:            true,
				PlanModifiers:       []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
			attrTimeouts: timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true,
				CreateDescription: "How long a create waits for Sinch to provision the number's links (default `10m`).",
				UpdateDescription: "How long an update waits for Sinch to provision the number's links (default `10m`)."}),
		},
	}
}
