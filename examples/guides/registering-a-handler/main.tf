# A callback handler registered as a Conversation API webhook, and for the project's sender onboarding
# events as a Provisioning API webhook, with one secret written to Sinch and to the handler with one
# version, and rotated in two steps (see the guide). Each apply sets `phase`:
#   rotating: the handler accepts the new secret and the one Sinch holds, then Sinch gets the new one;
#   settled:  the handler accepts the secret Sinch holds alone.
terraform {
  required_version = ">= 1.11"
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

provider "sinch" {}

variable "app_id" {
  description = "The Conversation API app whose callbacks the handler receives."
  type        = string
}

variable "secret_version" {
  description = "One up for each rotation; the first apply is a rotation too."
  type        = number
}

variable "phase" {
  description = "rotating, then settled once callbacks signed with the old secret can no longer arrive."
  type        = string
  validation {
    condition     = contains(["rotating", "settled"], var.phase)
    error_message = "The phase is rotating or settled."
  }
}

# The handler: any deployment that gives a URL and puts the secrets it is given where it reads them.
module "handler" {
  source           = "../handler"
  accepted_secrets = local.accepted_secrets
  revision         = var.secret_version * 2 + (var.phase == "settled" ? 1 : 0)
}

# The secret Sinch holds now, read for this run only. The webhook is found by its target, among the
# app's webhooks, rather than through the resource below, which must come after the handler; before the
# first apply there is none.
data "sinch_conversation_webhooks" "app" {
  app_id = var.app_id
}

ephemeral "sinch_conversation_webhook" "registered" {
  for_each = toset([for w in data.sinch_conversation_webhooks.app.webhooks : w.id if w.target == module.handler.url])
  id       = each.key
}

locals {
  # The secret to rotate to, new on every run, and written only when secret_version changes. uuid() stands
  # for ephemeral.random_password.webhook.result, which a real configuration uses (see the guide).
  new_secret       = uuid()
  current_secrets  = [for w in ephemeral.sinch_conversation_webhook.registered : w.secret if w.secret != null]
  accepted_secrets = var.phase == "rotating" ? concat([local.new_secret], local.current_secrets) : local.current_secrets
}

resource "sinch_conversation_webhook" "this" {
  app_id            = var.app_id
  target            = module.handler.url
  triggers          = ["MESSAGE_INBOUND", "MESSAGE_DELIVERY", "EVENT_INBOUND"]
  secret_wo         = local.new_secret
  secret_wo_version = var.secret_version
  # The handler accepts the new secret before Sinch signs with it.
  depends_on = [module.handler]
}

# The project's sender onboarding events, to the same handler with the same secret and version. Sinch
# never answers this webhook's secret, so the one it holds now is read from the Conversation webhook
# above, which always holds the same one.
resource "sinch_provisioning_webhook" "onboarding" {
  target            = module.handler.onboarding_url
  triggers          = ["WHATSAPP_SENDER_ACTIVE", "WHATSAPP_SENDER_REJECTED", "WHATSAPP_TEMPLATE_APPROVED", "WHATSAPP_TEMPLATE_REJECTED"]
  secret_wo         = local.new_secret
  secret_wo_version = var.secret_version
  depends_on        = [module.handler]
}

output "webhook_ids" {
  value = {
    conversation = sinch_conversation_webhook.this.id
    onboarding   = sinch_provisioning_webhook.onboarding.id
  }
}

output "handler_revision" {
  value = module.handler.revision
}
