# A rotation in two steps with hmac_secret (see the rotation guide): the handler accepts the current
# and the previous secret, newest first, and Sinch signs with the current one once the handler has it.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

provider "sinch" {}

variable "current_secret" {
  description = "The secret Sinch signs with."
  type        = string
  sensitive   = true
}

variable "previous_secret" {
  description = "The secret before it, still accepted until callbacks signed with it can no longer arrive; then null."
  type        = string
  sensitive   = true
  default     = null
}

variable "revision" {
  description = "One up whenever current_secret or previous_secret changes, so that the handler is given the new list."
  type        = number
}

module "handler" {
  source           = "../handler"
  accepted_secrets = compact([var.current_secret, var.previous_secret])
  revision         = var.revision
}

resource "sinch_callback_configuration" "this" {
  hmac_secret = var.current_secret
  # The handler accepts the new secret before Sinch signs with it.
  depends_on = [module.handler]
}

output "handler_revision" {
  value = module.handler.revision
}
