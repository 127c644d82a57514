# Stands for the deployment of a callback handler in the rotation guide: it puts the secrets it is given
# where the handler reads them. Here it records only the revision, so that the guide's steps can be
# tried anywhere; in a real deployment it would write the secrets to a store with a write-only argument,
# versioned by the revision, such as:
#
#   resource "aws_secretsmanager_secret_version" "callback_secrets" {
#     secret_id                = var.secret_id
#     secret_string_wo         = jsonencode(var.accepted_secrets)
#     secret_string_wo_version = var.revision
#   }
variable "accepted_secrets" {
  description = "The secrets the handler accepts, newest first."
  type        = list(string)
  sensitive   = true
  ephemeral   = true
}

variable "revision" {
  description = "A number that changes whenever accepted_secrets does: the version of a write-only argument, which writes the secrets only when it changes."
  type        = number
}

variable "hostname" {
  description = "Where the handler is reached."
  type        = string
  default     = "callbacks.example.com"
}

resource "terraform_data" "deployment" {
  input = var.revision
}

output "revision" {
  description = "The revision of the secrets the handler was given last."
  value       = terraform_data.deployment.output
}

output "url" {
  description = "The URL of the handler's Conversation API callbacks."
  value       = "https://${var.hostname}/sinch/conversation"
}

output "onboarding_url" {
  description = "The URL of the handler's sender onboarding events (the Provisioning API's webhooks)."
  value       = "https://${var.hostname}/sinch/onboarding"
}
