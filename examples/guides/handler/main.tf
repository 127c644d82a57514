# Stands for the deployment of a callback handler in the guides: it puts the secrets it is given
# where the handler reads them. Here it records only the revision, so that the guides' steps can be
# tried anywhere; in a real deployment it would write the secrets to a store with a write-only argument,
# versioned by the revision, such as:
#
#   resource "aws_secretsmanager_secret_version" "callback_secrets" {
#     secret_id                = var.secret_id
#     secret_string_wo         = jsonencode({ callbacks = var.accepted_secrets, voice = var.application_secrets })
#     secret_string_wo_version = var.revision
#   }
variable "accepted_secrets" {
  description = "The secrets the handler accepts, newest first."
  type        = list(string)
  sensitive   = true
  ephemeral   = true
}

variable "application_secrets" {
  description = "The secrets of the Voice applications whose callbacks the handler verifies, by application key (base64, as the Sinch dashboard shows them)."
  type        = map(string)
  default     = {}
  sensitive   = true
  ephemeral   = true
}

variable "revision" {
  description = "A number that changes whenever accepted_secrets or application_secrets does: the version of a write-only argument, which writes the secrets only when it changes."
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

output "numbers_url" {
  description = "The URL of the handler's Numbers API callbacks (a number's provisioning events)."
  value       = "https://${var.hostname}/sinch/numbers"
}

output "voice_url" {
  description = "The URL of the handler's Voice API callbacks (a Voice application's call events)."
  value       = "https://${var.hostname}/sinch/voice"
}
