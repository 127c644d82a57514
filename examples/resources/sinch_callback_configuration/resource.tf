# Write-only (Terraform 1.11 and later): the secret reaches Sinch but never the plan or the state.
# An ephemeral variable is not stored in the plan either.
variable "callback_secret" {
  description = "The HMAC secret with which Sinch signs the callbacks of the project."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "sinch_callback_configuration" "this" {
  project_id     = "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b"
  hmac_secret_wo = var.callback_secret
  # Optional: with a version, the secret is written when the version changes, not when the value
  # alone does (for a value made anew on every run). Without it, a new value is written.
  hmac_secret_wo_version = 1
}

# Plaintext: the secret is hidden in plan output but stored in state, so that drift shows the value.
variable "plaintext_callback_secret" {
  type      = string
  sensitive = true
}

resource "sinch_callback_configuration" "plaintext" {
  project_id  = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  hmac_secret = var.plaintext_callback_secret
}
