# Terraform 1.12 and later (OpenTofu 1.12 and later): import by identity; write_only = true for secret_wo.
import {
  to = sinch_conversation_app_callback_settings.this
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    app_id     = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
    write_only = true
  }
}
