# Write-only (Terraform 1.11 and later): the secret reaches Sinch but never the plan or the state.
# An ephemeral variable is not stored in the plan either.
variable "callback_secret" {
  description = "The HMAC secret with which Sinch signs the callbacks of the project."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "sinch_callback_configuration" "this" {
  hmac_secret_wo = var.callback_secret
  # Optional: bump to send the secret again even when it has not changed.
  hmac_secret_wo_version = 1
}

# Plaintext: the secret is hidden in plan output but stored in state, so that drift shows the value.
variable "brands_callback_secret" {
  type      = string
  sensitive = true
}

resource "sinch_callback_configuration" "brands" {
  project_id  = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  hmac_secret = var.brands_callback_secret
}
