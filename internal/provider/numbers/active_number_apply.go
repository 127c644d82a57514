package numbers

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/provider/shared"
)

// target is what an apply asks Sinch to hold for a number; nil leaves a field as Sinch has it.
type target struct {
	displayName, callbackURL *string
	sms                      *client.SMSLink
	voice                    *client.VoiceLink
}

// targetOf is what an apply asks for: each field the configuration sets, as planned, and the SMS link
// that the plan unlinks because the configuration no longer sets it (see ModifyPlan). prior is the state
// before, nil on create.
func targetOf(ctx context.Context, config, plan, prior shared.AttributeGetter, diags *diag.Diagnostics) target {
	var t target
	for name, field := range map[string]**string{attrDisplayName: &t.displayName, attrCallbackURL: &t.callbackURL} {
		if v := shared.GetString(ctx, config, name, diags); !v.IsNull() {
			*field = shared.GetString(ctx, plan, name, diags).ValueStringPointer()
		}
	}
	if link, ok := smsLinkAt(ctx, plan, diags); ok {
		before, had := client.SMSLink{}, false
		if prior != nil {
			before, had = smsLinkAt(ctx, prior, diags)
		}
		if !shared.IsNullAt(ctx, config, path.Root(attrSMS), diags) || had && before != link {
			t.sms = &link
		}
	}
	if !shared.IsNullAt(ctx, config, path.Root(attrVoice), diags) {
		if link, ok := voiceLinkAt(ctx, plan, diags); ok {
			t.voice = &link
		}
	}
	return t
}

// running tells whether a scheduled provisioning is still under way.
func running(s *client.ScheduledProvisioning) bool {
	return s != nil && (s.Status == client.ProvisioningWaiting || s.Status == client.ProvisioningInProgress)
}

// standingSMS is the SMS link that stands, and where a provisioning under way goes.
func standingSMS(n *client.ActiveNumber) (standing client.SMSLink, underWay *client.SMSLink) {
	if n.SMS == nil {
		return client.SMSLink{}, nil
	}
	standing = client.SMSLink{ServicePlanID: n.SMS.ServicePlanID, CampaignID: n.SMS.CampaignID}
	if s := n.SMS.Scheduled; running(s) {
		link := smsLinkOf(s)
		underWay = &link
	}
	return standing, underWay
}

// smsLinkOf and voiceLinkOf are the link a scheduled provisioning makes.
func smsLinkOf(s *client.ScheduledProvisioning) client.SMSLink {
	return client.SMSLink{ServicePlanID: s.ServicePlanID, CampaignID: s.CampaignID}
}

func voiceLinkOf(s *client.ScheduledProvisioning) client.VoiceLink {
	return client.VoiceLink{Type: s.Type, AppID: s.AppID, TrunkID: s.TrunkID, ServiceID: s.ServiceID}
}

// standingVoice is standingSMS for voice.
func standingVoice(n *client.ActiveNumber) (standing client.VoiceLink, underWay *client.VoiceLink) {
	if n.Voice == nil {
		return client.VoiceLink{}, nil
	}
	standing = client.VoiceLink{Type: n.Voice.Type, AppID: n.Voice.AppID, TrunkID: n.Voice.TrunkID, ServiceID: n.Voice.ServiceID}
	if s := n.Voice.Scheduled; running(s) {
		link := voiceLinkOf(s)
		underWay = &link
	}
	return standing, underWay
}

// step is one round of an apply: the PATCH to send (none when empty), the links to wait for, and
// whether another round follows once they stand (the link after an unlink).
type step struct {
	update  client.ActiveNumberUpdate
	awaited target
	again   bool
}

// next is the round that brings n closer to t. Sinch refuses a link to another service plan while the
// number is linked to one, so a move unlinks first, and a link is sent only once a provisioning under way
// towards something else is done. A provisioning under way towards the target is awaited, not sent again.
func (t target) next(n *client.ActiveNumber) step {
	var s step
	if t.displayName != nil && *t.displayName != n.DisplayName {
		s.update.DisplayName = t.displayName
	}
	if t.callbackURL != nil && *t.callbackURL != n.CallbackURL {
		s.update.CallbackURL = t.callbackURL
	}
	if t.sms != nil {
		standing, underWay := standingSMS(n)
		unlink := &client.SMSLink{}
		switch {
		case underWay != nil && *underWay == *t.sms:
			s.awaited.sms = t.sms
		case underWay != nil:
			s.awaited.sms, s.again = underWay, true
		case standing == *t.sms && n.SMS != nil:
		case standing.ServicePlanID != "" && t.sms.ServicePlanID != "" && standing.ServicePlanID != t.sms.ServicePlanID:
			s.update.SMS, s.awaited.sms, s.again = unlink, unlink, true
		default:
			s.update.SMS, s.awaited.sms = t.sms, t.sms
		}
	}
	if t.voice != nil {
		standing, underWay := standingVoice(n)
		switch {
		case underWay != nil && *underWay == *t.voice:
			s.awaited.voice = t.voice
		case underWay != nil:
			s.awaited.voice, s.again = underWay, true
		case standing == *t.voice:
		default:
			s.update.Voice, s.awaited.voice = t.voice, t.voice
		}
	}
	return s
}

// maxRounds bounds the rounds of an apply: a provisioning under way to wait for, an unlink, a link.
const maxRounds = 4

// converge makes Sinch hold t for a number that it has as current: one PATCH of what differs, then a
// wait until Sinch has provisioned the links sent, round after round while one must wait for another. It
// returns the number as Sinch last answered it (current when nothing was sent), and why it stopped
// short, if it did.
func converge(ctx context.Context, calls *client.ActiveNumbers, projectID, phoneNumber string, t target, current *client.ActiveNumber) (*client.ActiveNumber, error) {
	for round := 1; ; round++ {
		s := t.next(current)
		if s.update != (client.ActiveNumberUpdate{}) {
			answer, err := calls.Update(ctx, projectID, phoneNumber, s.update)
			if err != nil {
				return current, err
			}
			current = answer
		}
		if s.awaited.sms != nil || s.awaited.voice != nil {
			var err error
			if current, err = awaitProvisioning(ctx, calls, projectID, phoneNumber, s.awaited, current); err != nil {
				return current, err
			}
		}
		switch {
		case !s.again:
			return current, nil
		case round == maxRounds:
			return current, fmt.Errorf("after %d rounds of changes, Sinch does not hold what the configuration asks", round)
		}
	}
}
