package numbers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const campaign1 = `sms_configuration = { service_plan_id = "plan-a", campaign_id = "camp-1" }`

// A provisioning that FAILED is an error that names each of Sinch's codes with what to do (a generic line
// for a code the provider does not know), and the state keeps what Sinch holds: the next plan shows the
// change again, and its apply makes it once Sinch can.
func TestAccActiveNumber_failedProvisioning(t *testing.T) {
	env := newNumbersEnv(t, 500*time.Millisecond, linked())
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{Config: env.Config("", numberHCL(`sms_configuration = { service_plan_id = "plan-a" }`))},
			{
				PreConfig: func() { env.Mock.FailNextProvisioning(project, phone, "CAMPAIGN_NOT_AVAILABLE", "NEW_CODE_42") },
				Config:    env.Config("", numberHCL(campaign1)),
				ExpectError: acctest.ErrorLike(`Sinch could not provision number +12025550100 of project "project-1"`,
					`the SMS link to service plan "plan-a" (campaign "camp-1") FAILED; the number stays linked to service plan "plan-a"`,
					"CAMPAIGN_NOT_AVAILABLE: the 10DLC campaign is not available",
					"NEW_CODE_42: a code this provider has no advice for",
					"Terraform stores what Sinch holds, so the next plan shows the change again"),
			},
			{
				// The state holds what Sinch holds, and the plan shows the campaign again.
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(resource.TestCheckResourceAttr(testNumber, "sms_configuration.service_plan_id", "plan-a"),
					resource.TestCheckNoResourceAttr(testNumber, "sms_configuration.campaign_id")),
			},
			{
				PreConfig: env.Start,
				Config:    env.Config("", numberHCL(campaign1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testNumber, plancheck.ResourceActionUpdate)}},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectPatches(`{"smsConfiguration":{"campaignId":"camp-1","servicePlanId":"plan-a"}}`),
					env.ExpectAtSinch(servicePlan("plan-a", "camp-1"))),
			},
		},
	})
}

// Each known code of a FAILED provisioning gets its own advice.
func TestAccActiveNumber_failedCreateNamesEveryKnownCode(t *testing.T) {
	env := newNumbersEnv(t, 0, rented(phone))
	env.Mock.FailNextProvisioning(project, phone, "EXCEEDED_10DLC_LIMIT", "CAMPAIGN_PENDING_ACCEPTANCE", "INSUFFICIENT_BALANCE", "TFN_NOT_ALLOWED")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: env.Config("", numberHCL(campaign1)),
			ExpectError: acctest.ErrorLike("EXCEEDED_10DLC_LIMIT: the campaign has as many numbers as 10DLC allows",
				"CAMPAIGN_PENDING_ACCEPTANCE: the campaign is still waiting to be accepted",
				"INSUFFICIENT_BALANCE: the account's balance does not cover the provisioning",
				"TFN_NOT_ALLOWED: this toll-free number cannot be linked that way"),
		}},
	})
}

// A wait longer than timeouts.create fails and says that the provisioning goes on at Sinch, and what the
// next plan does: the number, tainted, is replaced, which sends nothing when Sinch has provisioned it
// meanwhile. A wait longer than timeouts.update fails the same way; the next apply reads the number and
// waits for the provisioning under way rather than ask for it again.
func TestAccActiveNumber_timeouts(t *testing.T) {
	c := newClock()
	env := newNumbersEnvWith(t, sinchmock.Options{NumberProvisioningTime: time.Hour, Now: c.Now}, rented(phone))
	var began time.Time
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { began = time.Now() },
				Config:    env.Config("", numberHCL(`sms_configuration = { service_plan_id = "plan-a" }`+"\n  timeouts = { create = \"2s\" }")),
				ExpectError: acctest.ErrorLike("Sinch's provisioning outlasted the timeout",
					`Sinch's provisioning of number +12025550100 of project "project-1" (the SMS link to service plan "plan-a") did not end within the create timeout of 2s`,
					"It goes on at Sinch", "marked tainted, so the next plan replaces it", "raise timeouts.create"),
			},
			{
				PreConfig: func() {
					if took := time.Since(began); took > 30*time.Second {
						t.Errorf("the create took %s, with a timeout of 2s", took)
					}
					c.Add(time.Hour)
					env.Start()
				},
				Config: env.Config("", numberHCL(`sms_configuration = { service_plan_id = "plan-a" }`+"\n  timeouts = { create = \"2s\" }")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testNumber, plancheck.ResourceActionDestroyBeforeCreate)}},
				Check: resource.ComposeAggregateTestCheckFunc(env.ExpectPatches(), env.ExpectAtSinch(servicePlan("plan-a", ""))),
			},
			{
				PreConfig: env.Start,
				Config:    env.Config("", numberHCL(campaign1+"\n  timeouts = { update = \"1s\" }")),
				ExpectError: acctest.ErrorLike("did not end within the update timeout of 1s", "It goes on at Sinch",
					"its apply waits for the provisioning under way rather than ask for it again"),
			},
			{
				// The clock moves on while the apply waits: no PATCH, the one under way is awaited.
				PreConfig: func() {
					env.Start()
					go func() {
						time.Sleep(1500 * time.Millisecond)
						c.Add(time.Hour)
					}()
				},
				Config: env.Config("", numberHCL(campaign1+"\n  timeouts = { update = \"1m\" }")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testNumber, plancheck.ResourceActionUpdate)}},
				Check: resource.ComposeAggregateTestCheckFunc(env.ExpectPatches(), env.ExpectAtSinch(servicePlan("plan-a", "camp-1"))),
			},
		},
	})
}

// A number the project has not rented is an error that says so, names the project and the number, and
// says that this provider does not rent numbers; nothing is stored, and nothing is rented. A project that
// does not exist is another error.
func TestAccActiveNumber_notRented(t *testing.T) {
	env := newNumbersEnv(t, 0, rented(phone))
	hcl := `
resource "sinch_active_number" "test" {
  project_id        = "project-1"
  phone_number      = "+12025559999"
  sms_configuration = { service_plan_id = "plan-a" }
}`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				PreConfig: env.Start,
				Config:    env.Config("", hcl),
				ExpectError: acctest.ErrorLike("Number not rented by the project", `Sinch project "project-1" has not rented +12025559999`,
					"it never rents one", "Nothing is stored in state"),
			},
			{
				// A project that does not exist is said as such, not as a number it does not rent.
				Config: env.Config("", strings.Replace(hcl, `"project-1"`, `"project-9"`, 1)),
				ExpectError: acctest.ErrorLike("Not found at Sinch", `Sinch says project "project-9" does not exist`,
					"Check project_id"),
			},
			{
				// A state that held the number would plan its destroy here.
				Config:           env.Config("", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            resource.ComposeAggregateTestCheckFunc(env.ExpectPatches(), nothingRentedOrReleased(env)),
			},
		},
	})
}

// N numbers whose provisioning takes T each are provisioned side by side: the apply takes about T, not N ×
// T, and the mock sees every provisioning under way at once.
func TestAccActiveNumber_provisionedSideBySide(t *testing.T) {
	const n, took = 5, 2 * time.Second
	var numbers []sinchmock.ActiveNumber
	var phones string
	for i := range n {
		numbers = append(numbers, rented(fmt.Sprintf("+1202555010%d", i)))
		phones += fmt.Sprintf("%q, ", numbers[i].PhoneNumber)
	}
	env := newNumbersEnv(t, took, numbers...)
	var began time.Time
	most := 0
	stop, stopped := make(chan struct{}), make(chan struct{})
	watch := func() {
		defer close(stopped)
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			underWay := 0
			for _, number := range env.Mock.ActiveNumbers(project) {
				if s := number.SMSConfiguration; s != nil && s.ScheduledProvisioning != nil {
					underWay++
				}
			}
			most = max(most, underWay)
		}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				began = time.Now()
				go watch()
			},
			Config: env.Config("", `
resource "sinch_active_number" "test" {
  count             = `+fmt.Sprint(n)+`
  project_id        = "project-1"
  phone_number      = [`+phones+`][count.index]
  sms_configuration = { service_plan_id = "plan-a" }
}`),
			Check: func(*terraform.State) error {
				elapsed := time.Since(began)
				close(stop)
				<-stopped
				t.Logf("%d numbers, each provisioned in %s: the apply took %s; at most %d under way at once", n, took, elapsed, most)
				switch {
				case most != n:
					return fmt.Errorf("at most %d provisionings were under way at once, want all %d", most, n)
				case elapsed > 3*took:
					return fmt.Errorf("the apply took %s, more than 3 × %s (one after the other would take %s)", elapsed, took, n*took)
				}
				for _, number := range env.Mock.ActiveNumbers(project) {
					if s := number.SMSConfiguration; s.ServicePlanID != "plan-a" || s.ScheduledProvisioning != nil {
						return fmt.Errorf("%s: %+v", number.PhoneNumber, s)
					}
				}
				return nil
			},
		}},
	})
}
