package numbers_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const (
	testNumber = "sinch_active_number.test"
	project    = "project-1"
	phone      = "+12025550100"
)

// numbersEnv is a mock whose project-1 rents the numbers, each provisioned in provisioning, with lists in
// pages of 2, and a provider that talks to it.
type numbersEnv struct {
	*acctest.TestEnv
	// mark is how many requests the mock had received when the step began.
	mark int
}

func newNumbersEnv(t *testing.T, provisioning time.Duration, numbers ...sinchmock.ActiveNumber) *numbersEnv {
	t.Helper()
	return newNumbersEnvWith(t, sinchmock.Options{NumberProvisioningTime: provisioning}, numbers...)
}

// newNumbersEnvWith is newNumbersEnv with more options, such as a clock.
func newNumbersEnvWith(t *testing.T, opts sinchmock.Options, numbers ...sinchmock.ActiveNumber) *numbersEnv {
	t.Helper()
	opts.KeyID, opts.KeySecret, opts.ActiveNumbersPageSize = acctest.TestKeyID, acctest.TestKeySecret, 2
	opts.Projects = map[string]string{project: "s", "project-2": "s"}
	opts.ActiveNumbers = map[string][]sinchmock.ActiveNumber{project: numbers}
	mock := sinchmock.Start(opts)
	t.Cleanup(mock.Close)
	return &numbersEnv{TestEnv: acctest.NewTestEnvFor(mock)}
}

// newClock is the mock's clock, which a test moves along.
func newClock() *sinchmock.Clock {
	return sinchmock.NewClock(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
}

// rented is a US local number with SMS and voice, linked to nothing.
func rented(phoneNumber string) sinchmock.ActiveNumber {
	return sinchmock.ActiveNumber{PhoneNumber: phoneNumber, RegionCode: "US", Type: "LOCAL", Capability: []string{"SMS", "VOICE"}}
}

// linked is phone, rented, linked to service plan plan-a and Voice app app-1.
func linked() sinchmock.ActiveNumber {
	n := rented(phone)
	n.SMSConfiguration = &sinchmock.SMSConfiguration{ServicePlanID: "plan-a"}
	n.VoiceConfiguration = &sinchmock.VoiceConfiguration{Type: "RTC", AppID: "app-1"}
	return n
}

// numberHCL is sinch_active_number.test for phone in project-1, with the arguments of body.
func numberHCL(body string) string {
	return fmt.Sprintf(`
resource "sinch_active_number" "test" {
  project_id   = %q
  phone_number = %q
  %s
}
`, project, phone, body)
}

// Start is a PreConfig that marks the start of a step, for Patches and ExpectRequests.
func (e *numbersEnv) Start() {
	e.mark = len(e.Mock.Requests())
	e.StartCounting()
}

// Patches are the bodies of the PATCHes of active numbers since Start.
func (e *numbersEnv) Patches() []string {
	var bodies []string
	for _, r := range e.Mock.Requests()[e.mark:] {
		if r.Method == http.MethodPatch && r.API == sinchmock.Numbers {
			bodies = append(bodies, r.Body)
		}
	}
	return bodies
}

// ExpectPatches checks the bodies of the PATCHes since Start, in order.
func (e *numbersEnv) ExpectPatches(bodies ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := e.Patches(); !slices.Equal(got, bodies) {
			return fmt.Errorf("PATCH bodies since the step began:\n  %q\nwant\n  %q", got, bodies)
		}
		return nil
	}
}

// ExpectAtSinch checks what the mock holds for phone, with no provisioning under way.
func (e *numbersEnv) ExpectAtSinch(check func(sinchmock.ActiveNumber) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		n, ok := e.Mock.ActiveNumber(project, phone)
		if !ok {
			return fmt.Errorf("%s is not rented at the mock", phone)
		}
		return check(n)
	}
}

// servicePlan checks the SMS link that stands, with no provisioning beside it.
func servicePlan(id, campaign string) func(sinchmock.ActiveNumber) error {
	return func(n sinchmock.ActiveNumber) error {
		s := n.SMSConfiguration
		if s == nil || s.ServicePlanID != id || s.CampaignID != campaign || s.ScheduledProvisioning != nil {
			return fmt.Errorf("Sinch holds the SMS configuration %+v, want service plan %q, campaign %q, none scheduled", s, id, campaign)
		}
		return nil
	}
}

// voiceApp checks the voice link that stands, with no provisioning beside it.
func voiceApp(appID string) func(sinchmock.ActiveNumber) error {
	return func(n sinchmock.ActiveNumber) error {
		v := n.VoiceConfiguration
		if v == nil || v.Type != "RTC" || v.AppID != appID || v.ScheduledVoiceProvisioning != nil {
			return fmt.Errorf("Sinch holds the voice configuration %+v, want RTC app %q, none scheduled", v, appID)
		}
		return nil
	}
}

// nothingRentedOrReleased checks that no request asked to rent or release a number.
func nothingRentedOrReleased(e *numbersEnv) func(*terraform.State) error {
	return func(*terraform.State) error {
		if r, rel := e.Mock.Rented(), e.Mock.Released(); len(r)+len(rel) > 0 {
			return fmt.Errorf("rented %v, released %v", r, rel)
		}
		return nil
	}
}
