package sinchmock_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// With no provisioning time, a PATCH answers the number after the change, and the change stands.
func TestActiveNumbers_update(t *testing.T) {
	mock, bearer := startNumbers(t, sinchmock.Options{})
	path := numberPath("+447700900123")
	for _, tc := range []struct {
		body  string
		check func(sinchmock.ActiveNumber) bool
	}{
		{`{"displayName":"Renamed","callbackUrl":"https://events.example/numbers"}`, func(n sinchmock.ActiveNumber) bool {
			return n.DisplayName == "Renamed" && n.CallbackURL == "https://events.example/numbers" && n.SMSConfiguration.ServicePlanID == ""
		}},
		{`{"callbackUrl":""}`, func(n sinchmock.ActiveNumber) bool { return n.CallbackURL == "" && n.DisplayName == "Renamed" }},
		{`{"smsConfiguration":{"servicePlanId":"plan-b"}}`, func(n sinchmock.ActiveNumber) bool {
			return n.SMSConfiguration.ServicePlanID == "plan-b" && n.SMSConfiguration.ScheduledProvisioning == nil
		}},
		{`{"smsConfiguration":{"campaignId":"CAMP1"}}`, func(n sinchmock.ActiveNumber) bool {
			return n.SMSConfiguration.ServicePlanID == "plan-b" && n.SMSConfiguration.CampaignID == "CAMP1"
		}},
		{`{"smsConfiguration":{"servicePlanId":""}}`, func(n sinchmock.ActiveNumber) bool {
			return n.SMSConfiguration.ServicePlanID == "" && n.SMSConfiguration.CampaignID == ""
		}},
		{`{"smsConfiguration":{"servicePlanId":"plan-c","campaignId":"CAMP2"}}`, func(n sinchmock.ActiveNumber) bool {
			return n.SMSConfiguration.ServicePlanID == "plan-c" && n.SMSConfiguration.CampaignID == "CAMP2"
		}},
		{`{"smsConfiguration":{"servicePlanId":"","campaignId":""}}`, func(n sinchmock.ActiveNumber) bool {
			return n.SMSConfiguration.ServicePlanID == "" && n.SMSConfiguration.CampaignID == ""
		}},
		{`{"voiceConfiguration":{"type":"RTC","appId":"app-1"}}`, func(n sinchmock.ActiveNumber) bool {
			v := n.VoiceConfiguration
			return v.Type == "RTC" && v.AppID == "app-1" && v.LastUpdatedTime != "" && v.ScheduledVoiceProvisioning == nil
		}},
		{`{"voiceConfiguration":{"type":"EST","trunkId":"trunk-1"}}`, func(n sinchmock.ActiveNumber) bool {
			v := n.VoiceConfiguration
			return v.Type == "EST" && v.TrunkID == "trunk-1" && v.AppID == ""
		}},
		{`{"voiceConfiguration":{"type":"FAX","serviceId":"fax-1"}}`, func(n sinchmock.ActiveNumber) bool {
			v := n.VoiceConfiguration
			return v.Type == "FAX" && v.ServiceID == "fax-1" && v.TrunkID == ""
		}},
		{`{"voiceConfiguration":{"type":"RTC","appId":""}}`, func(n sinchmock.ActiveNumber) bool {
			return n.VoiceConfiguration.Type == "RTC" && n.VoiceConfiguration.AppID == ""
		}},
		{`{}`, func(n sinchmock.ActiveNumber) bool { return n.DisplayName == "Renamed" }},
		{`{"displayName":null,"smsConfiguration":null}`, func(n sinchmock.ActiveNumber) bool { return n.DisplayName == "Renamed" }},
	} {
		code, answer := numbersCall(t, mock, bearer, http.MethodPatch, path, tc.body)
		if code != 200 || !tc.check(asNumber(t, answer)) {
			t.Errorf("PATCH %s: HTTP %d %v", tc.body, code, answer)
		}
		if n, _ := mock.ActiveNumber("p1", "+447700900123"); !tc.check(n) {
			t.Errorf("after PATCH %s: %+v", tc.body, n)
		}
	}
}

// Each of these is refused with Sinch's RestError, and changes nothing.
func TestActiveNumbers_updateRefused(t *testing.T) {
	mock, bearer := startNumbers(t, sinchmock.Options{})
	for _, tc := range []struct {
		number, body, status, field string
	}{
		{"+12025550100", `{"smsConfiguration":{}}`, "INVALID_ARGUMENT", "smsConfiguration"},
		{"+12025550100", `{"voiceConfiguration":{}}`, "INVALID_ARGUMENT", "voiceConfiguration"},
		{"+12025550100", `{"smsConfiguration":{"servicePlanId":null}}`, "INVALID_ARGUMENT", "smsConfiguration"},
		// Linked to plan-a: unlink first.
		{"+12025550100", `{"smsConfiguration":{"servicePlanId":"plan-b"}}`, "FAILED_PRECONDITION", "smsConfiguration.servicePlanId"},
		{"+12025550100", `{"smsConfiguration":{"servicePlanId":"","campaignId":"CAMP1"}}`, "INVALID_ARGUMENT", "smsConfiguration.campaignId"},
		{"+12025550100", `{"smsConfiguration":{"scheduledProvisioning":{"status":"WAITING"}}}`, "INVALID_ARGUMENT", "smsConfiguration.scheduledProvisioning"},
		{"+12025550100", `{"smsConfiguration":{"servicePlanId":7}}`, "INVALID_ARGUMENT", "smsConfiguration.servicePlanId"},
		{"+12025550100", `{"smsConfiguration":"plan-b"}`, "INVALID_ARGUMENT", "smsConfiguration"},
		{"+12025550100", `{"voiceConfiguration":{"appId":"app-1"}}`, "INVALID_ARGUMENT", "voiceConfiguration.type"},
		{"+12025550100", `{"voiceConfiguration":{"type":"SIP","appId":"app-1"}}`, "INVALID_ARGUMENT", "voiceConfiguration.type"},
		{"+12025550100", `{"voiceConfiguration":{"type":"RTC"}}`, "INVALID_ARGUMENT", "voiceConfiguration.appId"},
		{"+12025550100", `{"voiceConfiguration":{"type":"EST","appId":"app-1"}}`, "INVALID_ARGUMENT", "voiceConfiguration.appId"},
		{"+12025550100", `{"voiceConfiguration":{"type":"EST"}}`, "INVALID_ARGUMENT", "voiceConfiguration.trunkId"},
		{"+12025550100", `{"voiceConfiguration":{"type":"FAX","trunkId":"t"}}`, "INVALID_ARGUMENT", "voiceConfiguration.trunkId"},
		{"+12025550100", `{"voiceConfiguration":{"type":"FAX"}}`, "INVALID_ARGUMENT", "voiceConfiguration.serviceId"},
		{"+12025550101", `{"voiceConfiguration":{"type":"RTC","appId":"app-1"}}`, "INVALID_ARGUMENT", "voiceConfiguration"},
		{"+18005550199", `{"smsConfiguration":{"servicePlanId":"plan-a"}}`, "INVALID_ARGUMENT", "smsConfiguration"},
		{"+12025550100", `{"callbackUrl":"not a url"}`, "INVALID_ARGUMENT", "callbackUrl"},
		{"+12025550100", `{"displayName":5}`, "INVALID_ARGUMENT", "displayName"},
		{"+12025550100", `{"phoneNumber":"+12025550101"}`, "INVALID_ARGUMENT", "phoneNumber"},
		// A refusal of one part refuses the whole: the name does not change either.
		{"+12025550100", `{"displayName":"Changed","smsConfiguration":{"servicePlanId":"plan-b"}}`, "FAILED_PRECONDITION", "smsConfiguration.servicePlanId"},
		{"+12025550100", `[1]`, "INVALID_ARGUMENT", "body"},
	} {
		before, _ := mock.ActiveNumber("p1", tc.number)
		code, answer := numbersCall(t, mock, bearer, http.MethodPatch, numberPath(tc.number), tc.body)
		status, detail := sinchError(t, answer)
		violations, _ := detail["fieldViolations"].([]any)
		var field any
		if len(violations) == 1 {
			first, _ := violations[0].(map[string]any)
			field = first["field"]
		}
		if code != 400 || status != tc.status || field != tc.field {
			t.Errorf("PATCH %s %s: HTTP %d %v, want 400 %s on %s", tc.number, tc.body, code, answer, tc.status, tc.field)
		}
		if after, _ := mock.ActiveNumber("p1", tc.number); after.DisplayName != before.DisplayName ||
			after.SMSConfiguration != nil && after.SMSConfiguration.ServicePlanID != before.SMSConfiguration.ServicePlanID ||
			after.VoiceConfiguration != nil && *after.VoiceConfiguration != *before.VoiceConfiguration {
			t.Errorf("PATCH %s %s changed the number: %+v", tc.number, tc.body, after)
		}
	}
	code, answer := numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+12025550199"), `{"displayName":"x"}`)
	if status, detail := sinchError(t, answer); code != 404 || status != "NOT_FOUND" || detail["resourceName"] != "+12025550199" {
		t.Errorf("PATCH of a number not rented: HTTP %d %v", code, answer)
	}
	// The message of a relink says what to do.
	_, answer = numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+12025550100"), `{"smsConfiguration":{"servicePlanId":"plan-b"}}`)
	sinchErr, _ := answer["error"].(map[string]any)
	if message, _ := sinchErr["message"].(string); !containsAll(message, "plan-a", "plan-b", "unlink") {
		t.Errorf("the relink's message: %q", message)
	}
	// Unlinked, the number links to another plan.
	for _, body := range []string{`{"smsConfiguration":{"servicePlanId":"","campaignId":""}}`, `{"smsConfiguration":{"servicePlanId":"plan-b"}}`} {
		if code, answer := numbersCall(t, mock, bearer, http.MethodPatch, numberPath("+12025550100"), body); code != 200 {
			t.Errorf("PATCH %s: HTTP %d %v", body, code, answer)
		}
	}
	if n, _ := mock.ActiveNumber("p1", "+12025550100"); n.SMSConfiguration.ServicePlanID != "plan-b" {
		t.Errorf("after an unlink and a link: %+v", n.SMSConfiguration)
	}
}

// The dashboard changes a number at once, and the API shows it.
func TestActiveNumbers_dashboard(t *testing.T) {
	mock, bearer := startNumbers(t, sinchmock.Options{})
	if !mock.ChangeActiveNumber("p1", "+12025550100", func(n *sinchmock.ActiveNumber) {
		n.DisplayName = "From the dashboard"
		n.SMSConfiguration = &sinchmock.SMSConfiguration{ServicePlanID: "plan-z", CampaignID: "CAMPZ"}
		n.VoiceConfiguration.AppID = "dashboard-app"
		n.PhoneNumber = "+19999999999" // not the number's to change
	}) {
		t.Fatal("ChangeActiveNumber: no such number")
	}
	if mock.ChangeActiveNumber("p1", "+12025550199", func(*sinchmock.ActiveNumber) {}) {
		t.Error("ChangeActiveNumber changed a number p1 has not rented")
	}
	_, answer := numbersCall(t, mock, bearer, http.MethodGet, numberPath("+12025550100"), "")
	if n := asNumber(t, answer); n.PhoneNumber != "+12025550100" || n.DisplayName != "From the dashboard" ||
		n.SMSConfiguration.ServicePlanID != "plan-z" || n.SMSConfiguration.CampaignID != "CAMPZ" || n.VoiceConfiguration.AppID != "dashboard-app" {
		t.Errorf("GET after the dashboard: %v", answer)
	}
}

// Renting and releasing are refused, and recorded, so that a test can say they never happened.
func TestActiveNumbers_rentAndRelease(t *testing.T) {
	mock, bearer := startNumbers(t, sinchmock.Options{})
	if rented, released := mock.Rented(), mock.Released(); len(rented)+len(released) != 0 {
		t.Fatalf("before any: rented %v, released %v", rented, released)
	}
	for _, path := range []string{"p1/activeNumbers/%2B12025550100:release", "p1/availableNumbers/%2B12025550177:rent", "p1/availableNumbers:rentAny"} {
		code, answer := numbersCall(t, mock, bearer, http.MethodPost, path, `{}`)
		if status, _ := sinchError(t, answer); code != 403 || status != "PERMISSION_DENIED" {
			t.Errorf("POST %s: HTTP %d %v", path, code, answer)
		}
	}
	numbersCall(t, mock, "not-a-token", http.MethodPost, "p1/activeNumbers/+12025550101:release", `{}`)
	if rented := mock.Rented(); len(rented) != 2 || rented[0] != "+12025550177" || rented[1] != "rentAny" {
		t.Errorf("Rented: %v", rented)
	}
	if released := mock.Released(); len(released) != 2 || released[0] != "+12025550100" || released[1] != "+12025550101" {
		t.Errorf("Released: %v (also when refused for its token)", released)
	}
	if _, ok := mock.ActiveNumber("p1", "+12025550100"); !ok {
		t.Error("a release released the number")
	}
}

func containsAll(text string, parts ...string) bool {
	for _, part := range parts {
		if !strings.Contains(text, part) {
			return false
		}
	}
	return true
}
