# A number the project rents already: its SMS goes to a service plan (with a 10DLC campaign), its calls to
# a Voice app, and its provisioning events to a handler. The apply waits until Sinch has provisioned the
# links (10 minutes at most, unless timeouts says otherwise).
resource "sinch_active_number" "support" {
  project_id   = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  phone_number = "+12025550100"
  display_name = "Support line"
  callback_url = "https://callbacks.example.com/sinch/numbers"

  sms_configuration = {
    service_plan_id = "7f0b2c1d9e8a4b3c8d7e6f5a4b3c2d1e"
    campaign_id     = "CX7K2PQ"
  }

  voice_configuration = {
    type   = "RTC"
    app_id = "de305d54-75b4-431b-adb2-eb6b9e546014"
  }

  timeouts = {
    create = "20m"
  }
}

# The provisioning events of every number are signed with the Numbers API's callback secret.
variable "numbers_callback_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_numbers_callback_configuration" "this" {
  project_id     = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  hmac_secret_wo = var.numbers_callback_secret
}

# Only the calls of a toll-free number, to a SIP trunk: its SMS link, display name and callback URL stay
# as Sinch has them.
resource "sinch_active_number" "toll_free" {
  phone_number = "+18005550102"

  voice_configuration = {
    type     = "EST"
    trunk_id = "3b0c6f2e-1d4a-4e8b-9c7d-5a6b7c8d9e0f"
  }
}
