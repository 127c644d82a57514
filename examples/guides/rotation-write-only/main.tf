# A rotation in two steps with hmac_secret_wo (see the rotation guide). Each apply sets `phase`:
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

variable "new_secret" {
  description = "The secret to rotate to, from a secret store or an ephemeral random_password; written only when secret_version changes."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "secret_version" {
  description = "One up for each rotation."
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

# The secret Sinch holds now, read for this run only: before a rotation's apply, the old one.
ephemeral "sinch_callback_configuration" "current" {}

module "handler" {
  source = "../handler"
  accepted_secrets = (var.phase == "rotating"
    ? [var.new_secret, ephemeral.sinch_callback_configuration.current.hmac_secret]
  : [ephemeral.sinch_callback_configuration.current.hmac_secret])
  revision = var.secret_version * 2 + (var.phase == "settled" ? 1 : 0)
}

resource "sinch_callback_configuration" "this" {
  hmac_secret_wo         = var.new_secret
  hmac_secret_wo_version = var.secret_version
  # The handler accepts the new secret before Sinch signs with it.
  depends_on = [module.handler]
}

output "handler_revision" {
  value = module.handler.revision
}
