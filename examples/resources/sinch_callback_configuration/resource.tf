variable "callback_secret" {
  description = "The HMAC secret with which Sinch signs the callbacks of the project."
  type        = string
  sensitive   = true
}

# Sets the secret of the provider's default project.
resource "sinch_callback_configuration" "this" {
  hmac_secret = var.callback_secret
}

# Sets the secret of another project.
resource "sinch_callback_configuration" "brands" {
  project_id  = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  hmac_secret = var.callback_secret
}
