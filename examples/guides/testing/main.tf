# A module under test: it sets a project's callback secret in the Sender ID Registrations and Numbers
# APIs, and gives the signature its handler's tests expect. tests/ holds its `terraform test` files.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

variable "project_id" {
  description = "The project; null for the provider's project_id (or SINCH_PROJECT_ID)."
  type        = string
  default     = null
}

variable "callback_secret" {
  type      = string
  sensitive = true
  validation {
    condition     = length(var.callback_secret) >= 32
    error_message = "The callback secret has at least 32 characters."
  }
}

resource "sinch_callback_configuration" "sender_id" {
  project_id  = var.project_id
  hmac_secret = var.callback_secret
}

resource "sinch_numbers_callback_configuration" "numbers" {
  project_id  = var.project_id
  hmac_secret = var.callback_secret
}

output "project_ids" {
  value = [sinch_callback_configuration.sender_id.project_id, sinch_numbers_callback_configuration.numbers.project_id]
}
