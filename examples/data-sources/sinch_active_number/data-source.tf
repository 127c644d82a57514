# A number the project rents: where its SMS and calls go, as they stand.
data "sinch_active_number" "support" {
  phone_number = "+12025550100"
}

output "support_service_plan" {
  value = data.sinch_active_number.support.sms_configuration.service_plan_id
}
