# Where Sinch sends the events of sender onboarding (WhatsApp senders and templates, here), and the secret
# that signs them, write-only (Terraform 1.11 and later): it reaches Sinch and never the plan or the state.
variable "onboarding_secret" {
  description = "The secret with which Sinch signs the onboarding events."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "sinch_provisioning_webhook" "whatsapp" {
  project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  target     = "https://callbacks.example.com/sinch/onboarding"
  triggers   = ["WHATSAPP_SENDER_ACTIVE", "WHATSAPP_SENDER_REJECTED", "WHATSAPP_TEMPLATE_APPROVED", "WHATSAPP_TEMPLATE_REJECTED"]

  secret_wo = var.onboarding_secret
  # Sinch never answers the secret, so nobody can see whether it still holds the one written: a new
  # version is the way to write it again.
  secret_wo_version = 1
}

# Every onboarding event, to another handler, with the secret in state (any Terraform version).
resource "sinch_provisioning_webhook" "everything" {
  target   = "https://audit.example.com/sinch/onboarding"
  triggers = ["ALL"]
  secret   = "5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"
}
