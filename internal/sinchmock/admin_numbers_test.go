package sinchmock

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

func TestAdmin_voiceAndNumbers(t *testing.T) {
	s := New(Options{
		VoiceApps:     map[string]VoiceApp{"app-key": {Secret: "c2VjcmV0", URLs: VoiceURLs{Primary: "https://initial.example/"}}},
		ActiveNumbers: map[string][]ActiveNumber{"p1": {{PhoneNumber: "+12025550100", RegionCode: "US", Type: "LOCAL", Capability: []string{"SMS"}}}},
	})
	admin := httptest.NewServer(s.AdminHandler())
	defer admin.Close()
	call := func(method, path, body string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(method, admin.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(raw)
	}

	if code, _ := call(http.MethodPut, "/voice/apps/app-key/urls", `{"primary": "https://dashboard.example/", "fallback": "https://f.example/"}`); code != http.StatusNoContent {
		t.Errorf("PUT a Voice application's URLs: %d", code)
	}
	if urls, _ := s.VoiceURLs("app-key"); urls != (VoiceURLs{Primary: "https://dashboard.example/", Fallback: "https://f.example/"}) {
		t.Errorf("the application's URLs: %+v", urls)
	}
	if code, body := call(http.MethodGet, "/voice/apps/app-key", ""); code != 200 || !strings.Contains(body, `"primary":"https://dashboard.example/"`) {
		t.Errorf("GET a Voice application: %d %s", code, body)
	}
	for _, path := range []string{"/voice/apps/nope", "/projects/p1/activeNumbers/+12025550199"} {
		if code, _ := call(http.MethodGet, path, ""); code != http.StatusNotFound {
			t.Errorf("GET %s: %d", path, code)
		}
	}
	if code, _ := call(http.MethodPut, "/voice/apps/nope/urls", `{"primary": "https://x.example/"}`); code != http.StatusNotFound {
		t.Errorf("PUT the URLs of an application that does not exist: %d", code)
	}

	code, body := call(http.MethodPatch, "/projects/p1/activeNumbers/%2B12025550100", `{"displayName": "Dashboard", "smsConfiguration": {"servicePlanId": "plan-d"}}`)
	if n, _ := s.ActiveNumber("p1", "+12025550100"); code != 200 || n.DisplayName != "Dashboard" || n.SMSConfiguration.ServicePlanID != "plan-d" ||
		n.SMSConfiguration.ScheduledProvisioning != nil {
		t.Errorf("PATCH a number as in the dashboard: %d %s", code, body)
	}
	if code, _ := call(http.MethodPatch, "/projects/p1/activeNumbers/+12025550100", `{"displayName": 5}`); code != http.StatusBadRequest {
		t.Errorf("PATCH with a wrong type: %d", code)
	}
	if n, _ := s.ActiveNumber("p1", "+12025550100"); n.DisplayName != "Dashboard" {
		t.Errorf("a refused PATCH changed the number: %+v", n)
	}
	code, body = call(http.MethodGet, "/projects/p1/activeNumbers", "")
	var list struct{ ActiveNumbers []ActiveNumber }
	if err := json.Unmarshal([]byte(body), &list); err != nil || code != 200 || len(list.ActiveNumbers) != 1 || list.ActiveNumbers[0].DisplayName != "Dashboard" {
		t.Errorf("GET a project's numbers: %d %s", code, body)
	}

	if code, _ := call(http.MethodPost, "/projects/p1/activeNumbers/+12025550100/fail-next-provisioning", "CAMPAIGN_NOT_AVAILABLE, INSUFFICIENT_BALANCE\n"); code != http.StatusNoContent {
		t.Errorf("POST fail-next-provisioning: %d", code)
	}
	s.mu.Lock()
	failNext := s.activeNumbers["p1"]["+12025550100"].failNext
	s.mu.Unlock()
	if !slices.Equal(failNext, []string{"CAMPAIGN_NOT_AVAILABLE", "INSUFFICIENT_BALANCE"}) {
		t.Errorf("the number's next provisioning fails with %v", failNext)
	}
	if code, _ := call(http.MethodPost, "/projects/p2/activeNumbers/+12025550100/fail-next-provisioning", ""); code != http.StatusNotFound {
		t.Errorf("fail-next-provisioning of a number not rented: %d", code)
	}

	code, body = call(http.MethodGet, "/", "")
	if code != 200 || !strings.Contains(body, "PUT    /voice/apps/{key}/urls") || !strings.Contains(body, "or %2B12025550100)") ||
		!strings.Contains(body, "PUT    /projects/{project}/secrets/{api}") {
		t.Errorf("GET /: %d %s", code, body)
	}
	if len(s.Requests()) != 0 {
		t.Error("the admin API counted as requests to the APIs")
	}
}
