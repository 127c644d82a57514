# The secret that signs the delivery receipts of messages sent with a callback_url of their own (Sinch's
# callback_settings.secret_for_overridden_callback_urls of the app), write-only (Terraform 1.11 and later).
variable "overridden_callbacks_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_conversation_app_callback_settings" "this" {
  project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  app_id     = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"

  secret_wo         = var.overridden_callbacks_secret
  secret_wo_version = 1
}
