package sinchmock_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// startNumberProvisioning starts startNumbers with provisioning that takes 10 seconds of a clock the test moves.
func startNumberProvisioning(t *testing.T) (*sinchmock.Running, string, *clock) {
	t.Helper()
	c := newClock(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	mock, bearer := startNumbers(t, sinchmock.Options{NumberProvisioningTime: 10 * time.Second, Now: c.Now})
	return mock, bearer, c
}

// getNumber is a number of p1 as the API answers it.
func getNumber(t *testing.T, mock *sinchmock.Running, bearer, phoneNumber string) sinchmock.ActiveNumber {
	t.Helper()
	code, answer := numbersCall(t, mock, bearer, http.MethodGet, numberPath(phoneNumber), "")
	if code != 200 {
		t.Fatalf("GET %s: HTTP %d %v", phoneNumber, code, answer)
	}
	return asNumber(t, answer)
}

// An SMS link is not made at once: the old value stands beside the scheduled one, WAITING, then
// IN_PROGRESS, until the new value stands and the scheduled one is gone.
func TestProvisioning_sms(t *testing.T) {
	mock, bearer, clock := startNumberProvisioning(t)
	code, answer := numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+447700900123"),
		`{"displayName":"Linking","smsConfiguration":{"servicePlanId":"plan-b","campaignId":"CAMP1"}}`)
	n := asNumber(t, answer)
	if code != 200 || n.DisplayName != "Linking" || n.SMSConfiguration.ServicePlanID != "" {
		t.Fatalf("PATCH: HTTP %d %v (the name at once, the old plan while provisioning)", code, answer)
	}
	want := sinchmock.ScheduledProvisioning{ServicePlanID: "plan-b", CampaignID: "CAMP1", Status: "WAITING",
		LastUpdatedTime: "2026-01-02T03:04:05Z", ErrorCodes: []string{}}
	if s := n.SMSConfiguration.ScheduledProvisioning; s == nil || !equalScheduled(*s, want) {
		t.Errorf("the PATCH's answer shows %+v, want %+v", s, want)
	}
	for _, step := range []struct {
		after  time.Duration
		status string
		since  string
	}{
		{4 * time.Second, "WAITING", "2026-01-02T03:04:05Z"},
		{time.Second, "IN_PROGRESS", "2026-01-02T03:04:10Z"},
		{4 * time.Second, "IN_PROGRESS", "2026-01-02T03:04:10Z"},
	} {
		clock.Add(step.after)
		n := getNumber(t, mock, bearer, "+447700900123")
		s := n.SMSConfiguration.ScheduledProvisioning
		if n.SMSConfiguration.ServicePlanID != "" || s == nil || s.Status != step.status || s.LastUpdatedTime != step.since {
			t.Errorf("at %s: %+v, scheduled %+v, want %s since %s", clock.Now().Format(time.TimeOnly), n.SMSConfiguration, s, step.status, step.since)
		}
	}
	// While it runs, asking for the same changes nothing; asking for something else is refused.
	if code, answer := numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+447700900123"),
		`{"smsConfiguration":{"servicePlanId":"plan-b","campaignId":"CAMP1"}}`); code != 200 ||
		asNumber(t, answer).SMSConfiguration.ScheduledProvisioning.Status != "IN_PROGRESS" {
		t.Errorf("the same PATCH again: HTTP %d %v", code, answer)
	}
	code, answer = numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+447700900123"), `{"smsConfiguration":{"servicePlanId":"plan-c"}}`)
	if status, _ := sinchError(t, answer); code != 400 || status != "FAILED_PRECONDITION" {
		t.Errorf("another plan while provisioning: HTTP %d %v", code, answer)
	}
	clock.Add(time.Second)
	n = getNumber(t, mock, bearer, "+447700900123")
	if c := n.SMSConfiguration; c.ServicePlanID != "plan-b" || c.CampaignID != "CAMP1" || c.ScheduledProvisioning != nil {
		t.Errorf("once done: %+v", c)
	}
	if n, _ := mock.ActiveNumber("p1", "+447700900123"); n.SMSConfiguration.ServicePlanID != "plan-b" {
		t.Errorf("ActiveNumber once done: %+v", n.SMSConfiguration)
	}

	// Unlinking is provisioned too.
	_, answer = numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+447700900123"), `{"smsConfiguration":{"servicePlanId":"","campaignId":""}}`)
	if c := asNumber(t, answer).SMSConfiguration; c.ServicePlanID != "plan-b" || c.ScheduledProvisioning == nil ||
		c.ScheduledProvisioning.ServicePlanID != "" || c.ScheduledProvisioning.Status != "WAITING" {
		t.Errorf("an unlink's answer: %+v", c)
	}
	clock.Add(10 * time.Second)
	if c := getNumber(t, mock, bearer, "+447700900123").SMSConfiguration; c.ServicePlanID != "" || c.ScheduledProvisioning != nil {
		t.Errorf("once unlinked: %+v", c)
	}
}

// A voice link is provisioned the same way, and stands with the time it was made.
func TestProvisioning_voice(t *testing.T) {
	mock, bearer, clock := startNumberProvisioning(t)
	_, answer := numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+18005550199"), `{"voiceConfiguration":{"type":"EST","trunkId":"trunk-1"}}`)
	v := asNumber(t, answer).VoiceConfiguration
	want := sinchmock.ScheduledVoiceProvisioning{Type: "EST", TrunkID: "trunk-1", Status: "WAITING", LastUpdatedTime: "2026-01-02T03:04:05Z"}
	if v.Type != "RTC" || v.AppID != "voice-app-1" || v.ScheduledVoiceProvisioning == nil || *v.ScheduledVoiceProvisioning != want {
		t.Errorf("the PATCH's answer: %+v, scheduled %+v", v, v.ScheduledVoiceProvisioning)
	}
	clock.Add(5 * time.Second)
	if v := getNumber(t, mock, bearer, "+18005550199").VoiceConfiguration; v.AppID != "voice-app-1" || v.ScheduledVoiceProvisioning.Status != "IN_PROGRESS" {
		t.Errorf("halfway: %+v", v)
	}
	code, answer := numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+18005550199"), `{"voiceConfiguration":{"type":"RTC","appId":"app-2"}}`)
	if status, _ := sinchError(t, answer); code != 400 || status != "FAILED_PRECONDITION" {
		t.Errorf("another link while provisioning: HTTP %d %v", code, answer)
	}
	clock.Add(5 * time.Second)
	v = getNumber(t, mock, bearer, "+18005550199").VoiceConfiguration
	if *v != (sinchmock.VoiceConfiguration{Type: "EST", TrunkID: "trunk-1", LastUpdatedTime: "2026-01-02T03:04:15Z"}) {
		t.Errorf("once done: %+v", v)
	}
	// What stands already is no provisioning.
	_, answer = numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+18005550199"), `{"voiceConfiguration":{"type":"EST","trunkId":"trunk-1"}}`)
	if v := asNumber(t, answer).VoiceConfiguration; v.ScheduledVoiceProvisioning != nil {
		t.Errorf("the PATCH of what stands started a provisioning: %+v", v.ScheduledVoiceProvisioning)
	}
}

// A provisioning told to fail ends FAILED with its error codes, beside the old value, and stays so
// until a later update provisions again.
func TestProvisioning_failure(t *testing.T) {
	mock, bearer, clock := startNumberProvisioning(t)
	if !mock.FailNextProvisioning("p1", "+447700900123", "CAMPAIGN_NOT_AVAILABLE", "INSUFFICIENT_BALANCE") ||
		mock.FailNextProvisioning("p1", "+12025550199") {
		t.Fatal("FailNextProvisioning: wrong answer of whether the number is rented")
	}
	// A PATCH that provisions nothing does not use the failure up.
	numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+447700900123"), `{"displayName":"x"}`)
	numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+447700900123"),
		`{"smsConfiguration":{"servicePlanId":"plan-b","campaignId":"CAMP1"},"voiceConfiguration":{"type":"RTC","appId":"app-1"}}`)
	clock.Add(5 * time.Second)
	if s := getNumber(t, mock, bearer, "+447700900123").SMSConfiguration.ScheduledProvisioning; s.Status != "IN_PROGRESS" || len(s.ErrorCodes) != 0 {
		t.Errorf("before it fails: %+v", s)
	}
	for range 2 {
		clock.Add(5 * time.Second)
		n := getNumber(t, mock, bearer, "+447700900123")
		s, v := n.SMSConfiguration.ScheduledProvisioning, n.VoiceConfiguration.ScheduledVoiceProvisioning
		if n.SMSConfiguration.ServicePlanID != "" || s == nil || s.Status != "FAILED" || s.LastUpdatedTime != "2026-01-02T03:04:15Z" ||
			!slices.Equal(s.ErrorCodes, []string{"CAMPAIGN_NOT_AVAILABLE", "INSUFFICIENT_BALANCE"}) {
			t.Errorf("SMS after the failure: %+v, scheduled %+v", n.SMSConfiguration, s)
		}
		if n.VoiceConfiguration.AppID != "" || v == nil || v.Status != "FAILED" || v.AppID != "app-1" {
			t.Errorf("voice after the failure: %+v, scheduled %+v", n.VoiceConfiguration, v)
		}
	}
	// Asked again, it provisions again, and succeeds: the failure was for one update only.
	_, answer := numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+447700900123"), `{"smsConfiguration":{"servicePlanId":"plan-b","campaignId":"CAMP1"}}`)
	if s := asNumber(t, answer).SMSConfiguration.ScheduledProvisioning; s == nil || s.Status != "WAITING" {
		t.Errorf("asked again: %+v", s)
	}
	clock.Add(10 * time.Second)
	n := getNumber(t, mock, bearer, "+447700900123")
	if c := n.SMSConfiguration; c.ServicePlanID != "plan-b" || c.ScheduledProvisioning != nil {
		t.Errorf("once provisioned again: %+v", c)
	}
	if v := n.VoiceConfiguration; v.AppID != "" || v.ScheduledVoiceProvisioning == nil || v.ScheduledVoiceProvisioning.Status != "FAILED" {
		t.Errorf("the failed voice provisioning, not asked again: %+v", v)
	}
}

// With no provisioning time, a failure shows at once, in the PATCH's answer.
func TestProvisioning_immediateFailure(t *testing.T) {
	mock, bearer := startNumbers(t, sinchmock.Options{})
	mock.FailNextProvisioning("p1", "+12025550101")
	_, answer := numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+12025550101"), `{"smsConfiguration":{"servicePlanId":"plan-b"}}`)
	c := asNumber(t, answer).SMSConfiguration
	if c.ServicePlanID != "" || c.ScheduledProvisioning == nil || c.ScheduledProvisioning.Status != "FAILED" ||
		!slices.Equal(c.ScheduledProvisioning.ErrorCodes, []string{"INTERNAL_ERROR"}) {
		t.Errorf("the PATCH's answer: %+v, scheduled %+v", c, c.ScheduledProvisioning)
	}
}

func equalScheduled(a, b sinchmock.ScheduledProvisioning) bool {
	return a.ServicePlanID == b.ServicePlanID && a.CampaignID == b.CampaignID && a.Status == b.Status &&
		a.LastUpdatedTime == b.LastUpdatedTime && slices.Equal(a.ErrorCodes, b.ErrorCodes) && a.ErrorCodes != nil
}
