# Routes rented numbers to a handler: a Voice application's call events, each number's provisioning
# events, its SMS to a service plan and its calls to the application. One state per environment, each
# with its own .tfvars (see the guide).
terraform {
  required_version = ">= 1.11"
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

variable "application_key" {
  description = "The Voice application that answers the numbers' calls: its key, from the Sinch dashboard (Voice, Apps)."
  type        = string
}

variable "application_secret" {
  description = "The Voice application's secret, in base64 as the dashboard shows it."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "numbers_callback_secret" {
  description = "The secret with which Sinch signs the Numbers API's callbacks (X-Sinch-Signature)."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "secret_version" {
  description = "One up whenever a secret changes: the Numbers API's secret is written to Sinch, and both to the handler, only then."
  type        = number
}

variable "service_plan_id" {
  description = "The SMS service plan the numbers' messages go to."
  type        = string
}

variable "numbers" {
  description = "The numbers the project rents already, in E.164 format with their +."
  type        = set(string)
}

# The application's secret signs the provider's requests to the Voice API; ephemeral, it stays out of the
# plan and the state. The access key (SINCH_KEY_ID, SINCH_KEY_SECRET) and the project (SINCH_PROJECT_ID)
# come from the environment.
provider "sinch" {
  voice_applications = {
    (var.application_key) = var.application_secret
  }
}

# The handler gets both secrets before Sinch signs anything with them.
module "handler" {
  source              = "../handler"
  accepted_secrets    = [var.numbers_callback_secret]
  application_secrets = { (var.application_key) = var.application_secret }
  revision            = var.secret_version
}

# Where Sinch sends the application's call events (ICE, ACE, DiCE, PIE), signed with its key and secret.
resource "sinch_voice_application_callbacks" "this" {
  application_key = var.application_key
  primary_url     = module.handler.voice_url
  # The module's URLs do not wait for its secrets: depends_on does.
  depends_on = [module.handler]
}

# The secret with which Sinch signs the numbers' provisioning events: write-only, it reaches Sinch but
# neither the plan nor the state, and is written when secret_version changes.
resource "sinch_numbers_callback_configuration" "this" {
  hmac_secret_wo         = var.numbers_callback_secret
  hmac_secret_wo_version = var.secret_version
  depends_on             = [module.handler]
}

# Each number: its provisioning events to the handler, its SMS to the service plan, its calls to the
# application. The provider never rents nor releases a number: these are rented already.
resource "sinch_active_number" "this" {
  for_each     = var.numbers
  phone_number = each.key
  callback_url = module.handler.numbers_url

  sms_configuration = {
    service_plan_id = var.service_plan_id
  }

  voice_configuration = {
    type = "RTC"
    # The application's key, from the resource above: the number rings it once its URLs are set.
    app_id = sinch_voice_application_callbacks.this.application_key
  }

  # How long the apply waits for Sinch to provision the links (10 minutes by default).
  timeouts = {
    create = "20m"
    update = "20m"
  }

  # The first provisioning events are signed with the secret the handler has.
  depends_on = [sinch_numbers_callback_configuration.this]
}

output "voice_url" {
  value = sinch_voice_application_callbacks.this.primary_url
}

output "numbers" {
  description = "Each number's service plan and Voice application."
  value = { for number, n in sinch_active_number.this : number => {
    service_plan_id = n.sms_configuration.service_plan_id
    app_id          = n.voice_configuration.app_id
  } }
}
