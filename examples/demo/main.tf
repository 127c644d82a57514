# The configuration that `make demo` applies against the mock Sinch APIs. The provider reads its
# settings (the URL of each API, the token URL, the access key, the project) from the SINCH_*
# environment variables that the mock prints.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

provider "sinch" {}

# Ephemeral and write-only: the secret reaches Sinch, but neither the plan nor the state.
variable "callback_secret" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = "0d9e4c1a-5b7f-4e2a-9c3d-7f1e2b4a6c8d"
}

# One project, its secret in every API, from one provider block.
resource "sinch_callback_configuration" "demo" {
  hmac_secret_wo = var.callback_secret
}

resource "sinch_brands_callback_configuration" "demo" {
  hmac_secret_wo = var.callback_secret
}

resource "sinch_numbers_callback_configuration" "demo" {
  hmac_secret_wo = var.callback_secret
}

resource "sinch_imported_numbers_callback_configuration" "demo" {
  hmac_secret_wo = var.callback_secret
}

# Where the demo app's callbacks go (a Conversation API webhook), signed with a secret of their own.
variable "app_id" {
  type    = string
  default = "demo-app"
}

variable "webhook_secret" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = "7f3e9a1c-2b4d-4e6f-8a0c-1d3e5f7a9b2c"
}

resource "sinch_conversation_webhook" "demo" {
  app_id            = var.app_id
  target            = "https://callbacks.example.com/sinch"
  triggers          = ["MESSAGE_DELIVERY", "MESSAGE_INBOUND"]
  secret_wo         = var.webhook_secret
  secret_wo_version = 1
}

# The secret that signs the delivery receipts of the app's messages sent with a callback_url of their
# own: the same one as its webhook's, so that one handler verifies both.
resource "sinch_conversation_app_callback_settings" "demo" {
  app_id            = var.app_id
  secret_wo         = var.webhook_secret
  secret_wo_version = 1
}

# Where the project's sender onboarding events go (a Provisioning API webhook): a WhatsApp sender that
# turns active, a template approved or rejected.
variable "onboarding_secret" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = "3c8b1e5d-9a2f-4d7e-b6c0-5e1f8a2d4b9c"
}

resource "sinch_provisioning_webhook" "demo" {
  target            = "https://callbacks.example.com/sinch/onboarding"
  triggers          = ["WHATSAPP_SENDER_ACTIVE", "WHATSAPP_TEMPLATE_APPROVED", "WHATSAPP_TEMPLATE_REJECTED"]
  secret_wo         = var.onboarding_secret
  secret_wo_version = 1
}

# Where the demo Voice application's call events go. The provider signs its requests to the Voice API
# with the application's key and secret, from SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET.
variable "voice_application_key" {
  type    = string
  default = "de305d54-75b4-431b-adb2-eb6b9e546014"
}

resource "sinch_voice_application_callbacks" "demo" {
  application_key = var.voice_application_key
  primary_url     = "https://callbacks.example.com/sinch/voice"
}

# A number the project rents: its SMS to a service plan, its calls to the Voice application above, and its
# provisioning events (signed with the Numbers API's secret) to the handler. The apply waits until Sinch
# has provisioned the links; destroy leaves the number rented and configured.
resource "sinch_active_number" "demo" {
  phone_number = "+12025550100"
  callback_url = "https://callbacks.example.com/sinch/numbers"

  sms_configuration = {
    service_plan_id = "demo-service-plan"
  }

  voice_configuration = {
    type   = "RTC"
    app_id = sinch_voice_application_callbacks.demo.application_key
  }

  depends_on = [sinch_numbers_callback_configuration.demo]
}

# Reads the secret back from Sinch (the data source does store it in state) to sign a sample callback.
data "sinch_numbers_callback_configuration" "demo" {
  project_id = sinch_numbers_callback_configuration.demo.project_id
}

output "project_id" {
  value = sinch_callback_configuration.demo.project_id
}

output "hmac_secret_wo_status" {
  value = {
    sender_id        = sinch_callback_configuration.demo.hmac_secret_wo_status
    brands           = sinch_brands_callback_configuration.demo.hmac_secret_wo_status
    numbers          = sinch_numbers_callback_configuration.demo.hmac_secret_wo_status
    imported_numbers = sinch_imported_numbers_callback_configuration.demo.hmac_secret_wo_status
  }
}

output "webhook_ids" {
  value = {
    conversation = sinch_conversation_webhook.demo.id
    provisioning = sinch_provisioning_webhook.demo.id
  }
}

output "demo_number" {
  value = {
    service_plan_id = sinch_active_number.demo.sms_configuration.service_plan_id
    voice_app_id    = sinch_active_number.demo.voice_configuration.app_id
  }
}

output "signature_of_a_sample_callback" {
  value = nonsensitive(provider::sinch::callback_signature(
    data.sinch_numbers_callback_configuration.demo.hmac_secret,
    jsonencode({ eventId = "e1", status = "SUCCEEDED" }),
  ))
}
