# Terraform 1.12 and later (OpenTofu 1.12 and later): import by identity.
# With secret (plaintext): the secrets Sinch answers are read into state.
import {
  to = sinch_conversation_webhook.with_oauth2
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    webhook_id = "01F8MECHZX3TBDSZ7XRADM79XE"
  }
}
