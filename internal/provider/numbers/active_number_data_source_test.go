package numbers_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
	"github.com/terraform-sinch/terraform-provider-sinch/internal/sinchmock"
)

// The data sources: one number, and the numbers of a project, every page of the list (pages of 2 here),
// with Sinch's filters.
func TestAccActiveNumberDataSources(t *testing.T) {
	tollFree := sinchmock.ActiveNumber{PhoneNumber: "+18005550104", RegionCode: "US", Type: "TOLL_FREE", Capability: []string{"VOICE"}}
	env := newNumbersEnv(t, 0, linked(), rented("+12025550101"), rented("+12025550102"),
		rented("+12025550103"), tollFree)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config: env.Config(project, `
data "sinch_active_numbers" "all" {}

data "sinch_active_numbers" "toll_free" {
  type = "TOLL_FREE"
}

data "sinch_active_numbers" "sms" {
  region_code = "US"
  capability  = "SMS"
}

data "sinch_active_number" "one" {
  phone_number = "+12025550100"
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.sinch_active_numbers.all", "active_numbers.#", "5"),
				resource.TestCheckResourceAttr("data.sinch_active_numbers.all", "active_numbers.4.phone_number", "+18005550104"),
				resource.TestCheckResourceAttr("data.sinch_active_numbers.all", "active_numbers.0.sms_configuration.service_plan_id", "plan-a"),
				// Sinch shows a voice number linked to nothing as {"type": "RTC"}: no link.
				resource.TestCheckNoResourceAttr("data.sinch_active_numbers.all", "active_numbers.4.voice_configuration.type"),
				resource.TestCheckNoResourceAttr("data.sinch_active_numbers.all", "active_numbers.4.sms_configuration.service_plan_id"),
				resource.TestCheckResourceAttr("data.sinch_active_numbers.toll_free", "active_numbers.#", "1"),
				resource.TestCheckResourceAttr("data.sinch_active_numbers.toll_free", "active_numbers.0.type", "TOLL_FREE"),
				resource.TestCheckResourceAttr("data.sinch_active_numbers.sms", "active_numbers.#", "4"),
				resource.TestCheckResourceAttr("data.sinch_active_number.one", "project_id", project),
				resource.TestCheckResourceAttr("data.sinch_active_number.one", "region_code", "US"),
				resource.TestCheckResourceAttr("data.sinch_active_number.one", "capabilities.#", "2"),
				resource.TestCheckResourceAttr("data.sinch_active_number.one", "sms_configuration.service_plan_id", "plan-a"),
				resource.TestCheckResourceAttr("data.sinch_active_number.one", "voice_configuration.app_id", "app-1"),
				nothingRentedOrReleased(env),
			),
		}},
	})
}

// A number the project does not rent is an error of the data source, which says so.
func TestAccActiveNumberDataSource_notRented(t *testing.T) {
	env := newNumbersEnv(t, 0, rented(phone))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories,
		Steps: []resource.TestStep{{
			Config:      env.Config(project, `data "sinch_active_number" "one" { phone_number = "+12025559999" }`),
			ExpectError: acctest.ErrorLike(`Sinch project "project-1" has not rented +12025559999`, "it never rents one"),
		}},
	})
}
