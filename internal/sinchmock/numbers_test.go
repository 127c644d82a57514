package sinchmock_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The numbers project p1 rents in the tests.
var testNumbers = []sinchmock.ActiveNumber{
	{PhoneNumber: "+12025550100", RegionCode: "US", Type: "LOCAL", Capability: []string{"SMS", "VOICE"}, DisplayName: "Main line",
		SMSConfiguration: &sinchmock.SMSConfiguration{ServicePlanID: "plan-a"}},
	{PhoneNumber: "+12025550101", RegionCode: "US", Type: "MOBILE", Capability: []string{"SMS"}, DisplayName: "Alerts"},
	{PhoneNumber: "+447700900123", RegionCode: "GB", Type: "MOBILE", Capability: []string{"SMS", "VOICE"}, DisplayName: "UK"},
	{PhoneNumber: "+18005550199", RegionCode: "US", Type: "TOLL_FREE", Capability: []string{"VOICE"}, DisplayName: "Support",
		VoiceConfiguration: &sinchmock.VoiceConfiguration{Type: "RTC", AppID: "voice-app-1"}},
}

// startNumbers starts a mock where project p1 rents testNumbers, with the changes opts makes to the usual
// options, and returns it with a token.
func startNumbers(t *testing.T, opts sinchmock.Options) (*sinchmock.Running, string) {
	t.Helper()
	opts.KeyID, opts.KeySecret = "kid", "ksecret"
	opts.Projects = map[string]string{"p1": "s1", "p2": "s2"}
	opts.ActiveNumbers = map[string][]sinchmock.ActiveNumber{"p1": testNumbers}
	mock := sinchmock.Start(opts)
	t.Cleanup(mock.Close)
	return mock, token(t, mock)
}

// numbersCall makes a call of the Numbers API at path (below /v1/projects/), and returns the status and
// the decoded answer.
func numbersCall(t *testing.T, mock *sinchmock.Running, bearer, method, path, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, mock.URLOf(sinchmock.Numbers)+"/v1/projects/"+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+bearer)
	req.Header.Set("Content-Type", "application/json")
	code, raw := do(t, req)
	var decoded map[string]any
	if err := json.Unmarshal([]byte(raw), &decoded); err != nil {
		t.Fatalf("%s %s: the body %q is not JSON", method, path, raw)
	}
	return code, decoded
}

// numberPath is a number's path in project p1, escaped as a client would.
func numberPath(phoneNumber string) string {
	return "p1/activeNumbers/" + url.PathEscape(phoneNumber)
}

// asNumber decodes an answer as an active number.
func asNumber(t *testing.T, answer map[string]any) sinchmock.ActiveNumber {
	t.Helper()
	raw, _ := json.Marshal(answer)
	var n sinchmock.ActiveNumber
	if err := json.Unmarshal(raw, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestActiveNumbers_get(t *testing.T) {
	mock, bearer := startNumbers(t, sinchmock.Options{})
	for _, path := range []string{"p1/activeNumbers/%2B12025550100", "p1/activeNumbers/+12025550100", "p1/activeNumbers/%2b12025550100"} {
		code, answer := numbersCall(t, mock, bearer, http.MethodGet, path, "")
		n := asNumber(t, answer)
		if code != 200 || n.PhoneNumber != "+12025550100" || n.ProjectID != "p1" || n.RegionCode != "US" || n.Type != "LOCAL" ||
			!slices.Equal(n.Capability, []string{"SMS", "VOICE"}) || n.SMSConfiguration == nil || n.SMSConfiguration.ServicePlanID != "plan-a" ||
			n.VoiceConfiguration == nil || n.VoiceConfiguration.Type != "RTC" || n.Money.CurrencyCode == "" || n.PaymentIntervalMonths == 0 ||
			n.NextChargeDate == "" || n.ExpireAt == "" {
			t.Errorf("GET %s: HTTP %d %v", path, code, answer)
		}
	}
	// A number without a capability has no configuration for it.
	if _, answer := numbersCall(t, mock, bearer, http.MethodGet, numberPath("+12025550101"), ""); answer["voiceConfiguration"] != nil || answer["smsConfiguration"] == nil {
		t.Errorf("an SMS-only number: %v", answer)
	}

	for _, tc := range []struct {
		path     string
		code     int
		status   string
		resource string
	}{
		{numberPath("+12025550199"), 404, "NOT_FOUND", "+12025550199"},
		{"p2/activeNumbers/%2B12025550100", 404, "NOT_FOUND", "+12025550100"}, // rented by another project
		{"nope/activeNumbers/%2B12025550100", 404, "NOT_FOUND", "nope"},
		{"p1/activeNumbers/12025550100", 400, "INVALID_ARGUMENT", ""},
		{"p1/activeNumbers/%2012025550100", 400, "INVALID_ARGUMENT", ""}, // a + decoded as a space, as in a query
	} {
		code, answer := numbersCall(t, mock, bearer, http.MethodGet, tc.path, "")
		status, detail := sinchError(t, answer)
		if code != tc.code || status != tc.status {
			t.Errorf("GET %s: HTTP %d %v, want %d %s", tc.path, code, answer, tc.code, tc.status)
		}
		if tc.resource != "" && (detail["type"] != "ResourceInfo" || detail["resourceName"] != tc.resource) {
			t.Errorf("GET %s: detail %v, want a ResourceInfo naming %s", tc.path, detail, tc.resource)
		}
	}
	if code, answer := numbersCall(t, mock, "not-a-token", http.MethodGet, numberPath("+12025550100"), ""); code != 401 {
		t.Errorf("without a valid token: HTTP %d %v", code, answer)
	}
	if n, ok := mock.ActiveNumber("p1", "+447700900123"); !ok || n.DisplayName != "UK" {
		t.Errorf("ActiveNumber: %+v %v", n, ok)
	}
	if _, ok := mock.ActiveNumber("p2", "+447700900123"); ok {
		t.Error("ActiveNumber: p2 has a number it has not rented")
	}
}

// listNumbers returns the phone numbers of a list's page, its nextPageToken and totalSize.
func listNumbers(t *testing.T, mock *sinchmock.Running, bearer, query string) (numbers []string, next string, total int) {
	t.Helper()
	code, answer := numbersCall(t, mock, bearer, http.MethodGet, "p1/activeNumbers?"+query, "")
	if code != 200 {
		t.Fatalf("list ?%s: HTTP %d %v", query, code, answer)
	}
	page, _ := answer["activeNumbers"].([]any)
	for _, n := range page {
		number, _ := n.(map[string]any)
		phoneNumber, _ := number["phoneNumber"].(string)
		numbers = append(numbers, phoneNumber)
	}
	next, _ = answer["nextPageToken"].(string)
	totalSize, _ := answer["totalSize"].(float64)
	return numbers, next, int(totalSize)
}

func TestActiveNumbers_list(t *testing.T) {
	mock, bearer := startNumbers(t, sinchmock.Options{})
	all := []string{"+12025550100", "+12025550101", "+18005550199", "+447700900123"}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", all},
		{"regionCode=US", all[:3]},
		{"regionCode=US&type=MOBILE", []string{"+12025550101"}},
		{"type=TOLL_FREE", []string{"+18005550199"}},
		{"capability=VOICE", []string{"+12025550100", "+18005550199", "+447700900123"}},
		{"capability=SMS&capability=VOICE", []string{"+12025550100", "+447700900123"}},
		{"capability=SMS,VOICE&regionCode=GB", []string{"+447700900123"}},
		{"numberPattern.pattern=%2B1202", all[:2]},
		{"numberPattern.pattern=0199&numberPattern.searchPattern=END", []string{"+18005550199"}},
		{"numberPattern.pattern=7700&numberPattern.searchPattern=CONTAINS", []string{"+447700900123"}},
		{"orderBy=displayName", []string{"+12025550101", "+12025550100", "+18005550199", "+447700900123"}},
		{"orderBy=DISPLAY_NAME&regionCode=US", []string{"+12025550101", "+12025550100", "+18005550199"}},
		{"regionCode=SE", nil},
	} {
		numbers, next, total := listNumbers(t, mock, bearer, tc.query)
		if !slices.Equal(numbers, tc.want) || next != "" || total != len(tc.want) {
			t.Errorf("?%s: %v (next %q, totalSize %d), want %v", tc.query, numbers, next, total, tc.want)
		}
	}

	// Paging walks every number once, in order, and totalSize counts them all on every page.
	var walked []string
	pageToken := ""
	for pages := 0; pages < 10; pages++ {
		numbers, next, total := listNumbers(t, mock, bearer, "pageSize=3&pageToken="+url.QueryEscape(pageToken))
		if total != 4 || len(numbers) > 3 {
			t.Errorf("page %d: %v, totalSize %d", pages, numbers, total)
		}
		walked = append(walked, numbers...)
		if pageToken = next; pageToken == "" {
			break
		}
	}
	if !slices.Equal(walked, all) {
		t.Errorf("pages of 3 walked %v", walked)
	}

	for _, query := range []string{"type=FIXED", "capability=MMS", "pageSize=-1", "pageSize=x", "pageToken=forged", "orderBy=regionCode",
		"numberPattern.searchPattern=MIDDLE"} {
		code, answer := numbersCall(t, mock, bearer, http.MethodGet, "p1/activeNumbers?"+query, "")
		if status, _ := sinchError(t, answer); code != 400 || status != "INVALID_ARGUMENT" {
			t.Errorf("?%s: HTTP %d %v", query, code, answer)
		}
	}
	if code, answer := numbersCall(t, mock, bearer, http.MethodGet, "nope/activeNumbers", ""); code != 404 {
		t.Errorf("the list of a project that does not exist: HTTP %d %v", code, answer)
	}
	empty := start(t) // p1 rents nothing there
	if numbers, next, total := listNumbers(t, empty, token(t, empty), ""); len(numbers) != 0 || next != "" || total != 0 {
		t.Errorf("a project without numbers: %v, totalSize %d", numbers, total)
	}
}

// The default page size is the mock's, unless a list asks for one; no page is larger than the largest.
func TestActiveNumbers_pageSize(t *testing.T) {
	var many []sinchmock.ActiveNumber
	for i := range 1500 {
		many = append(many, sinchmock.ActiveNumber{PhoneNumber: fmt.Sprintf("+1303555%04d", i), RegionCode: "US", Type: "LOCAL",
			Capability: []string{"SMS"}})
	}
	for _, tc := range []struct {
		defaultSize int
		query       string
		want        int
	}{
		{0, "", sinchmock.DefaultActiveNumbersPageSize},
		{7, "", 7},
		{7, "pageSize=50", 50},
		{7, "pageSize=0", 7},
		{0, "pageSize=5000", sinchmock.MaxActiveNumbersPageSize},
	} {
		mock := sinchmock.Start(sinchmock.Options{KeyID: "kid", KeySecret: "ksecret", ActiveNumbersPageSize: tc.defaultSize,
			ActiveNumbers: map[string][]sinchmock.ActiveNumber{"p1": many}})
		numbers, next, total := listNumbers(t, mock, token(t, mock), tc.query)
		mock.Close()
		if len(numbers) != tc.want || next == "" || total != 1500 || numbers[0] != "+13035550000" {
			t.Errorf("default %d, ?%s: a page of %d (next %q, totalSize %d), want %d", tc.defaultSize, tc.query, len(numbers), next, total, tc.want)
		}
	}
}
