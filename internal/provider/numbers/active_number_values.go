package numbers

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// The attributes of an active number, in the Numbers API's words.
const (
	attrPhoneNumber   = "phone_number"
	attrDisplayName   = "display_name"
	attrCallbackURL   = "callback_url"
	attrRegionCode    = "region_code"
	attrType          = "type"
	attrCapabilities  = "capabilities"
	attrSMS           = "sms_configuration"
	attrServicePlanID = "service_plan_id"
	attrCampaignID    = "campaign_id"
	attrVoice         = "voice_configuration"
	attrAppID         = "app_id"
	attrTrunkID       = "trunk_id"
	attrServiceID     = "service_id"
	attrTimeouts      = "timeouts"
)

// voiceIDs names the ID that each voice type links to: a Voice app (RTC), a SIP trunk (EST) or a fax
// service (FAX).
var voiceIDs = map[string]string{"RTC": attrAppID, "EST": attrTrunkID, "FAX": attrServiceID}

// voiceTypes are the voice types, in the order the docs name them.
var voiceTypes = []string{"RTC", "EST", "FAX"}

// regionCode is a country as the Numbers API's list filters by it.
var regionCode = regexp.MustCompile(`^[A-Z]{2}$`)

// e164 is a phone number as the Numbers API takes it: E.164, with its +.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)

// smsObjectTypes and voiceObjectTypes are the attribute types of sms_configuration and voice_configuration.
var (
	smsObjectTypes   = map[string]attr.Type{attrServicePlanID: types.StringType, attrCampaignID: types.StringType}
	voiceObjectTypes = map[string]attr.Type{attrType: types.StringType, attrAppID: types.StringType,
		attrTrunkID: types.StringType, attrServiceID: types.StringType}
)

// numberTypes are the attribute types of a number as the data sources list it, and as the resource
// keeps what Sinch answers.
var numberTypes = map[string]attr.Type{
	attrPhoneNumber: types.StringType, attrDisplayName: types.StringType, attrCallbackURL: types.StringType,
	attrRegionCode: types.StringType, attrType: types.StringType, attrCapabilities: types.SetType{ElemType: types.StringType},
	attrSMS: types.ObjectType{AttrTypes: smsObjectTypes}, attrVoice: types.ObjectType{AttrTypes: voiceObjectTypes},
}

// orNull is a string of Sinch's answer, where "" is none.
func orNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// numberValues are the attributes of a number as Sinch answers it: what stands, not a provisioning under
// way. An SMS configuration linked to no service plan has service_plan_id ""; a number without SMS (or
// voice) capability has none, nor does a voice configuration that links to nothing.
func numberValues(n *client.ActiveNumber) map[string]attr.Value {
	capabilities := make([]attr.Value, len(n.Capabilities))
	for i, c := range n.Capabilities {
		capabilities[i] = types.StringValue(c)
	}
	values := map[string]attr.Value{
		attrPhoneNumber: types.StringValue(n.PhoneNumber), attrDisplayName: orNull(n.DisplayName),
		attrCallbackURL: orNull(n.CallbackURL), attrRegionCode: orNull(n.RegionCode), attrType: orNull(n.Type),
		attrCapabilities: types.SetValueMust(types.StringType, capabilities),
		attrSMS:          types.ObjectNull(smsObjectTypes), attrVoice: types.ObjectNull(voiceObjectTypes),
	}
	if s := n.SMS; s != nil {
		values[attrSMS] = types.ObjectValueMust(smsObjectTypes, map[string]attr.Value{
			attrServicePlanID: types.StringValue(s.ServicePlanID), attrCampaignID: orNull(s.CampaignID)})
	}
	// A voice configuration with a type and no ID (what Sinch shows of a voice number linked to nothing)
	// is no link.
	if v := n.Voice; v != nil && v.Type != "" && v.AppID+v.TrunkID+v.ServiceID != "" {
		values[attrVoice] = types.ObjectValueMust(voiceObjectTypes, map[string]attr.Value{attrType: types.StringValue(v.Type),
			attrAppID: orNull(v.AppID), attrTrunkID: orNull(v.TrunkID), attrServiceID: orNull(v.ServiceID)})
	}
	return values
}

// setNumber writes what Sinch answered of a number into a state or a data source's state.
func setNumber(ctx context.Context, n *client.ActiveNumber, to shared.AttributeAccess, diags *diag.Diagnostics) {
	for name, value := range numberValues(n) {
		diags.Append(to.SetAttribute(ctx, path.Root(name), value)...)
	}
}

// smsLinkAt is the SMS link of a configuration, plan or state, and whether it has one.
func smsLinkAt(ctx context.Context, from shared.AttributeGetter, diags *diag.Diagnostics) (client.SMSLink, bool) {
	if shared.IsNullAt(ctx, from, path.Root(attrSMS), diags) {
		return client.SMSLink{}, false
	}
	at := path.Root(attrSMS)
	return client.SMSLink{
		ServicePlanID: shared.GetStringAt(ctx, from, at.AtName(attrServicePlanID), diags).ValueString(),
		CampaignID:    shared.GetStringAt(ctx, from, at.AtName(attrCampaignID), diags).ValueString(),
	}, true
}

// voiceLinkAt is the voice link of a configuration, plan or state, and whether it has one.
func voiceLinkAt(ctx context.Context, from shared.AttributeGetter, diags *diag.Diagnostics) (client.VoiceLink, bool) {
	if shared.IsNullAt(ctx, from, path.Root(attrVoice), diags) {
		return client.VoiceLink{}, false
	}
	get := func(name string) string {
		return shared.GetStringAt(ctx, from, path.Root(attrVoice).AtName(name), diags).ValueString()
	}
	return client.VoiceLink{Type: get(attrType), AppID: get(attrAppID), TrunkID: get(attrTrunkID), ServiceID: get(attrServiceID)}, true
}
