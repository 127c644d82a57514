package client_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/client"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

func numbersMock(t *testing.T, provisioning time.Duration, numbers ...sinchmock.ActiveNumber) *sinchmock.Running {
	t.Helper()
	mock := sinchmock.Start(sinchmock.Options{KeyID: keyID, KeySecret: keySecret, ActiveNumbersPageSize: 2,
		NumberProvisioningTime: provisioning, ActiveNumbers: map[string][]sinchmock.ActiveNumber{"p1": numbers}})
	t.Cleanup(mock.Close)
	return mock
}

func activeNumbersOf(t *testing.T, mock *sinchmock.Running) *client.ActiveNumbers {
	t.Helper()
	c, err := client.New(client.Config{TokenURL: mock.TokenURL, KeyID: keyID, KeySecret: keySecret})
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.ActiveNumbers(mock.URLOf(sinchmock.Numbers))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func smsNumber(phone string) sinchmock.ActiveNumber {
	return sinchmock.ActiveNumber{PhoneNumber: phone, RegionCode: "US", Type: "LOCAL", Capability: []string{"SMS", "VOICE"}}
}

// A number is read, its configuration set with one PATCH of what changes (a link shows as scheduled until
// Sinch applies it), and the numbers of a project listed page by page; a number not rented is Sinch's
// 404; nothing is rented or released.
func TestActiveNumbers_calls(t *testing.T) {
	mock := numbersMock(t, 200*time.Millisecond, smsNumber("+12025550100"), smsNumber("+12025550101"), smsNumber("+12025550102"))
	a := activeNumbersOf(t, mock)
	ctx := context.Background()
	number, err := a.Get(ctx, "p1", "+12025550100")
	if err != nil || number.RegionCode != "US" || number.SMS == nil || number.SMS.ServicePlanID != "" {
		t.Fatalf("get: %+v, %v", number, err)
	}
	callback := "https://events.example/numbers"
	changed, err := a.Update(ctx, "p1", "+12025550100", client.ActiveNumberUpdate{CallbackURL: &callback, SMS: &client.SMSLink{ServicePlanID: "plan-a"}})
	patch := lastRequest(mock, http.MethodPatch)
	if err != nil || patch.Path != "/v1/projects/p1/activeNumbers/+12025550100" && patch.Path != "/v1/projects/p1/activeNumbers/%2B12025550100" ||
		patch.Body != `{"callbackUrl":"https://events.example/numbers","smsConfiguration":{"campaignId":"","servicePlanId":"plan-a"}}` {
		t.Fatalf("PATCH %s %s: %v", patch.Path, patch.Body, err)
	}
	if changed.CallbackURL != callback || changed.SMS.Scheduled == nil || changed.SMS.Scheduled.ServicePlanID != "plan-a" ||
		changed.SMS.Scheduled.Status != client.ProvisioningWaiting || changed.SMS.ServicePlanID != "" {
		t.Errorf("the answer to the update: %+v (%+v)", changed, changed.SMS)
	}
	time.Sleep(250 * time.Millisecond)
	if done, err := a.Get(ctx, "p1", "+12025550100"); err != nil || done.SMS.Scheduled != nil || done.SMS.ServicePlanID != "plan-a" {
		t.Errorf("once provisioned: %+v, %v", done, err)
	}

	numbers, err := a.List(ctx, "p1", client.ActiveNumberFilter{RegionCode: "US", Capability: "SMS"})
	if err != nil || len(numbers) != 3 || mock.CountsOf(sinchmock.Numbers).Get != 4 {
		t.Errorf("a list of 3 in pages of 2: %d, %v after %d GET", len(numbers), err, mock.CountsOf(sinchmock.Numbers).Get)
	}
	if none, err := a.List(ctx, "p1", client.ActiveNumberFilter{Type: "TOLL_FREE"}); err != nil || len(none) != 0 {
		t.Errorf("a filter that keeps none: %v, %v", none, err)
	}
	if _, err := a.Get(ctx, "p1", "+12025559999"); !client.IsNotFound(err) {
		t.Errorf("a number not rented: %v", err)
	}
	if len(mock.Rented())+len(mock.Released()) != 0 {
		t.Error("a number was rented or released")
	}
}

// A provisioning that fails shows as FAILED, with Sinch's error codes, and the link that stood before.
func TestActiveNumbers_failedProvisioning(t *testing.T) {
	mock := numbersMock(t, 0, smsNumber("+12025550100"))
	mock.FailNextProvisioning("p1", "+12025550100", "CAMPAIGN_NOT_AVAILABLE")
	a := activeNumbersOf(t, mock)
	got, err := a.Update(context.Background(), "p1", "+12025550100", client.ActiveNumberUpdate{SMS: &client.SMSLink{ServicePlanID: "plan-a", CampaignID: "camp-1"}})
	if err != nil || got.SMS.Scheduled == nil || got.SMS.Scheduled.Status != client.ProvisioningFailed ||
		fmt.Sprint(got.SMS.Scheduled.ErrorCodes) != "[CAMPAIGN_NOT_AVAILABLE]" || got.SMS.ServicePlanID != "" {
		t.Fatalf("got %+v (%+v), %v", got, got.SMS, err)
	}
	if !strings.Contains(lastRequest(mock, http.MethodPatch).Body, `"campaignId":"camp-1"`) {
		t.Error("the campaign was not sent")
	}
}
