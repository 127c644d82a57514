package numbers_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
)

// What Sinch would refuse is an error at plan time, which names the attribute and what to do; nothing
// reaches Sinch.
func TestAccActiveNumber_planTimeValidation(t *testing.T) {
	env := newNumbersEnv(t, 0, rented(phone))
	cases := []struct {
		hcl     string
		phrases []string
	}{
		{`phone_number = "12025550100"`, []string{`"12025550100" is not a phone number in E.164 format with its +`}},
		{`phone_number = "+1 202 555 0100"`, []string{"is not a phone number in E.164 format"}},
		{`phone_number = "+12025550100"
  voice_configuration = { type = "RTC", trunk_id = "trunk-1" }`,
			[]string{"Missing voice link", `voice_configuration of type "RTC" links the number to a Voice app: set app_id`,
				"Voice link of another type", `trunk_id is the SIP trunk of type "EST"`}},
		{`phone_number = "+12025550100"
  voice_configuration = { type = "EST", trunk_id = "trunk-1", service_id = "fax-1" }`,
			[]string{"Voice link of another type", `service_id is the fax service of type "FAX"; a voice_configuration of type "EST" takes trunk_id alone`}},
		{`phone_number = "+12025550100"
  voice_configuration = { type = "SIP", app_id = "app-1" }`, []string{"voice_configuration.type", "RTC", "EST", "FAX"}},
		{`phone_number = "+12025550100"
  sms_configuration = { service_plan_id = "", campaign_id = "camp-1" }`,
			[]string{"Campaign without a service plan", "leave campaign_id out to unlink"}},
		{`phone_number = "+12025550100"
  callback_url = "ftp://events.example/numbers"`, []string{`"ftp://events.example/numbers" is not an absolute https URL`}},
		{`phone_number = "+12025550100"
  timeouts = { create = "soon" }`, []string{`"soon" must be a string containing a sequence of decimal numbers`}},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config: env.Config("", `
resource "sinch_active_number" "test" {
  project_id = "project-1"
  `+c.hcl+`
}`),
			PlanOnly:    true,
			ExpectError: acctest.ErrorLike(c.phrases...),
		})
	}
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories, Steps: steps})
	if n := len(env.Mock.Requests()); n != 0 {
		t.Errorf("plans that fail validation made %d requests", n)
	}
}
