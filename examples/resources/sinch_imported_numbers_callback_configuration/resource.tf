# The secret with which Sinch signs the callbacks of the Imported Numbers and Hosting Orders API (the
# status of a hosting order, of a number imported from another carrier). Sinch keeps it apart from the
# Numbers API's secret, which signs the callbacks of purchased numbers.
variable "imported_numbers_callback_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_imported_numbers_callback_configuration" "this" {
  project_id     = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  hmac_secret_wo = var.imported_numbers_callback_secret
}

# Plaintext: the secret is hidden in plan output but stored in state.
variable "plaintext_callback_secret" {
  type      = string
  sensitive = true
}

resource "sinch_imported_numbers_callback_configuration" "plaintext" {
  project_id  = "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b"
  hmac_secret = var.plaintext_callback_secret
}
