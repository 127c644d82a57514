package numbers

import (
	"errors"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
)

// sms links to a service plan without a campaign, with a provisioning beside it or none.
func sms(plan string, scheduled *client.ScheduledProvisioning) *client.SMSConfiguration {
	return &client.SMSConfiguration{ServicePlanID: plan, Scheduled: scheduled}
}

func scheduledSMS(plan, status string, codes ...string) *client.ScheduledProvisioning {
	return &client.ScheduledProvisioning{ServicePlanID: plan, Status: status, ErrorCodes: codes}
}

var (
	planB   = &client.SMSLink{ServicePlanID: "plan-b"}
	unlink  = &client.SMSLink{}
	appTwo  = &client.VoiceLink{Type: "RTC", AppID: "app-2"}
	support = "Support"
)

// The rounds of an apply, from what Sinch answers: one PATCH of what differs; a move to another service
// plan unlinks first, then goes on; a provisioning under way is awaited, not asked for again, and one
// towards something else is awaited before anything is sent.
func TestTargetNext(t *testing.T) {
	for name, c := range map[string]struct {
		want       target
		number     client.ActiveNumber
		update     client.ActiveNumberUpdate
		awaitSMS   *client.SMSLink
		awaitVoice *client.VoiceLink
		again      bool
	}{
		"nothing differs": {want: target{sms: planB}, number: client.ActiveNumber{SMS: sms("plan-b", nil)}},
		"a name alone": {want: target{displayName: &support}, number: client.ActiveNumber{DisplayName: "Old"},
			update: client.ActiveNumberUpdate{DisplayName: &support}},
		"a first link": {want: target{sms: planB}, number: client.ActiveNumber{SMS: sms("", nil)},
			update: client.ActiveNumberUpdate{SMS: planB}, awaitSMS: planB},
		"a move unlinks first": {want: target{sms: planB}, number: client.ActiveNumber{SMS: sms("plan-a", nil)},
			update: client.ActiveNumberUpdate{SMS: unlink}, awaitSMS: unlink, again: true},
		"a new campaign on the same plan": {want: target{sms: &client.SMSLink{ServicePlanID: "plan-a", CampaignID: "c"}},
			number:   client.ActiveNumber{SMS: sms("plan-a", nil)},
			update:   client.ActiveNumberUpdate{SMS: &client.SMSLink{ServicePlanID: "plan-a", CampaignID: "c"}},
			awaitSMS: &client.SMSLink{ServicePlanID: "plan-a", CampaignID: "c"}},
		"under way towards the target": {want: target{sms: planB},
			number: client.ActiveNumber{SMS: sms("", scheduledSMS("plan-b", client.ProvisioningInProgress))}, awaitSMS: planB},
		"under way towards something else": {want: target{sms: planB},
			number:   client.ActiveNumber{SMS: sms("plan-a", scheduledSMS("", client.ProvisioningWaiting))},
			awaitSMS: unlink, again: true},
		"failed before: asked again": {want: target{sms: planB},
			number: client.ActiveNumber{SMS: sms("", scheduledSMS("plan-b", client.ProvisioningFailed, "INSUFFICIENT_BALANCE"))},
			update: client.ActiveNumberUpdate{SMS: planB}, awaitSMS: planB},
		"a new Voice app": {want: target{voice: appTwo}, number: client.ActiveNumber{Voice: &client.VoiceConfiguration{Type: "RTC", AppID: "app-1"}},
			update: client.ActiveNumberUpdate{Voice: appTwo}, awaitVoice: appTwo},
	} {
		t.Run(name, func(t *testing.T) {
			s := c.want.next(&c.number)
			if !sameUpdate(s.update, c.update) || s.again != c.again || !samePointee(s.awaited.sms, c.awaitSMS) || !samePointee(s.awaited.voice, c.awaitVoice) {
				t.Errorf("got SMS %v, voice %v (awaiting %v, %v, again %v), want SMS %v, voice %v (awaiting %v, %v, again %v)",
					s.update.SMS, s.update.Voice, s.awaited.sms, s.awaited.voice, s.again, c.update.SMS, c.update.Voice, c.awaitSMS, c.awaitVoice, c.again)
			}
		})
	}
}

func samePointee[T comparable](a, b *T) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// A wait ends when every awaited link stands, or FAILED once nothing awaited is under way.
func TestProvisioned(t *testing.T) {
	voiceUnderWay := &client.VoiceConfiguration{Type: "RTC", AppID: "app-1", Scheduled: &client.ScheduledProvisioning{
		Type: "RTC", AppID: "app-2", Status: client.ProvisioningWaiting}}
	for name, c := range map[string]struct {
		number   client.ActiveNumber
		awaited  target
		done     bool
		failures int
	}{
		"stands":                           {client.ActiveNumber{SMS: sms("plan-b", nil)}, target{sms: planB}, true, 0},
		"under way":                        {client.ActiveNumber{SMS: sms("", scheduledSMS("plan-b", client.ProvisioningWaiting))}, target{sms: planB}, false, 0},
		"failed":                           {client.ActiveNumber{SMS: sms("", scheduledSMS("plan-b", client.ProvisioningFailed, "TFN_NOT_ALLOWED"))}, target{sms: planB}, true, 1},
		"failed, voice still under way":    {client.ActiveNumber{SMS: sms("", scheduledSMS("plan-b", client.ProvisioningFailed)), Voice: voiceUnderWay}, target{sms: planB, voice: appTwo}, false, 0},
		"not shown yet":                    {client.ActiveNumber{SMS: sms("plan-a", nil)}, target{sms: planB}, false, 0},
		"an older failure beside the link": {client.ActiveNumber{SMS: sms("plan-b", scheduledSMS("plan-c", client.ProvisioningFailed))}, target{sms: planB}, true, 0},
		"no SMS configuration at all":      {client.ActiveNumber{}, target{sms: unlink}, false, 0},
	} {
		t.Run(name, func(t *testing.T) {
			done, err := provisioned(&c.number, c.awaited)
			var failed *provisioningFailed
			failures := 0
			if errors.As(err, &failed) {
				failures = len(failed.sms.ErrorCodes) + 1
			}
			if done != c.done || (failures > 0) != (c.failures > 0) {
				t.Errorf("got done %v, error %v; want done %v with %d failures", done, err, c.done, c.failures)
			}
		})
	}
}

// Each code that Sinch's sources name has advice of its own.
func TestErrorCodeAdvice(t *testing.T) {
	for _, code := range []string{"CAMPAIGN_NOT_AVAILABLE", "EXCEEDED_10DLC_LIMIT", "CAMPAIGN_PENDING_ACCEPTANCE", "INSUFFICIENT_BALANCE", "TFN_NOT_ALLOWED"} {
		if errorCodeAdvice[code] == "" {
			t.Errorf("no advice for %s", code)
		}
	}
}

func sameUpdate(a, b client.ActiveNumberUpdate) bool {
	return samePointee(a.DisplayName, b.DisplayName) && samePointee(a.CallbackURL, b.CallbackURL) &&
		samePointee(a.SMS, b.SMS) && samePointee(a.Voice, b.Voice)
}
