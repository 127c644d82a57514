package numbers_test

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

const (
	unlinkSMS = `{"smsConfiguration":{"campaignId":"","servicePlanId":""}}`
	linkPlanB = `{"smsConfiguration":{"campaignId":"camp-1","servicePlanId":"plan-b"}}`
)

// The life of a number's configuration, each provisioning taking a second: configured with one PATCH of
// what differs, the apply waiting until Sinch has provisioned it (the mock shows no provisioning under
// way once the apply is done), then no change on the next plan; a move to another service plan unlinks
// first, waits, then links; a new Voice app is one PATCH of voice alone; a service plan and an app changed
// in the dashboard are shown and repaired; removing sms_configuration unlinks the number, and from then on
// the SMS link is left as Sinch has it; destroy sends nothing. Nothing is ever rented or released.
func TestAccActiveNumber_lifecycle(t *testing.T) {
	env := newNumbersEnv(t, time.Second, rented(phone))
	full := func(sms, voice string) string {
		return env.Config("", numberHCL(`display_name = "Support line"
  callback_url = "https://events.example/numbers"
  `+sms+"\n  "+voice))
	}
	planA := `sms_configuration = { service_plan_id = "plan-a" }`
	planB := `sms_configuration = { service_plan_id = "plan-b", campaign_id = "camp-1" }`
	app := func(id string) string { return `voice_configuration = { type = "RTC", app_id = "` + id + `" }` }
	state := func(name string, value knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(testNumber, tfjsonpath.New(name), value)
	}
	smsState := func(plan string, campaign knownvalue.Check) statecheck.StateCheck {
		return state("sms_configuration", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"service_plan_id": knownvalue.StringExact(plan), "campaign_id": campaign}))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{
			{
				PreConfig: env.Start,
				Config:    full(planA, app("app-1")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testNumber, plancheck.ResourceActionCreate)}},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectPatches(`{"callbackUrl":"https://events.example/numbers","displayName":"Support line",`+
						`"smsConfiguration":{"campaignId":"","servicePlanId":"plan-a"},"voiceConfiguration":{"appId":"app-1","type":"RTC"}}`),
					env.ExpectAtSinch(servicePlan("plan-a", "")), env.ExpectAtSinch(voiceApp("app-1"))),
				ConfigStateChecks: []statecheck.StateCheck{
					state("id", knownvalue.StringExact(phone)), state("region_code", knownvalue.StringExact("US")),
					state("type", knownvalue.StringExact("LOCAL")),
					state("capabilities", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("SMS"), knownvalue.StringExact("VOICE")})),
					smsState("plan-a", knownvalue.Null()),
				},
			},
			{
				PreConfig:        env.Start,
				Config:           full(planA, app("app-1")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            env.ExpectPatches(),
			},
			{
				PreConfig:         env.Start,
				Config:            full(planB, app("app-1")),
				Check:             resource.ComposeAggregateTestCheckFunc(env.ExpectPatches(unlinkSMS, linkPlanB), env.ExpectAtSinch(servicePlan("plan-b", "camp-1"))),
				ConfigStateChecks: []statecheck.StateCheck{smsState("plan-b", knownvalue.StringExact("camp-1"))},
			},
			{
				PreConfig: env.Start,
				Config:    full(planB, app("app-2")),
				Check: resource.ComposeAggregateTestCheckFunc(env.ExpectPatches(`{"voiceConfiguration":{"appId":"app-2","type":"RTC"}}`),
					env.ExpectAtSinch(voiceApp("app-2")), env.ExpectAtSinch(servicePlan("plan-b", "camp-1"))),
			},
			{
				// Changed in the dashboard: shown, and put back (the other service plan unlinked first).
				PreConfig: func() {
					env.Mock.ChangeActiveNumber(project, phone, func(n *sinchmock.ActiveNumber) {
						n.SMSConfiguration = &sinchmock.SMSConfiguration{ServicePlanID: "dashboard-plan"}
						n.VoiceConfiguration = &sinchmock.VoiceConfiguration{Type: "RTC", AppID: "dashboard-app"}
					})
					env.Start()
				},
				Config: full(planB, app("app-2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testNumber, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testNumber, tfjsonpath.New("sms_configuration").AtMapKey("service_plan_id"), knownvalue.StringExact("plan-b"))}},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectPatches(`{"smsConfiguration":{"campaignId":"","servicePlanId":""},"voiceConfiguration":{"appId":"app-2","type":"RTC"}}`, linkPlanB),
					env.ExpectAtSinch(voiceApp("app-2")), env.ExpectAtSinch(servicePlan("plan-b", "camp-1"))),
			},
			{
				// Removed from the configuration: SMS, which this resource set, is unlinked; voice is left.
				PreConfig: env.Start,
				Config:    env.Config("", numberHCL(`display_name = "Support line"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(testNumber, tfjsonpath.New("sms_configuration").AtMapKey("service_plan_id"), knownvalue.StringExact(""))}},
				Check: resource.ComposeAggregateTestCheckFunc(env.ExpectPatches(unlinkSMS),
					env.ExpectAtSinch(servicePlan("", "")), env.ExpectAtSinch(voiceApp("app-2"))),
				ConfigStateChecks: []statecheck.StateCheck{smsState("", knownvalue.Null())},
			},
			{
				// What the configuration leaves out is Sinch's: a service plan linked in the dashboard plans no change.
				PreConfig: func() {
					env.Mock.ChangeActiveNumber(project, phone, func(n *sinchmock.ActiveNumber) {
						n.SMSConfiguration = &sinchmock.SMSConfiguration{ServicePlanID: "dashboard-plan"}
					})
					env.Start()
				},
				Config:           env.Config("", numberHCL(`display_name = "Support line"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            env.ExpectPatches(),
			},
		},
		CheckDestroy: func(s *terraform.State) error {
			if err := env.ExpectPatches()(s); err != nil {
				return err
			}
			if err := env.ExpectAtSinch(servicePlan("dashboard-plan", ""))(s); err != nil {
				return err
			}
			return nothingRentedOrReleased(env)(s)
		},
	})
}
