# Every US number of the project that can send SMS, every page of Sinch's list.
data "sinch_active_numbers" "us_sms" {
  region_code = "US"
  capability  = "SMS"
}

output "us_sms_numbers" {
  value = [for n in data.sinch_active_numbers.us_sms.active_numbers : n.phone_number]
}
