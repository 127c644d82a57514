# Terraform 1.12 and later (OpenTofu 1.12 and later): import by identity, with secret_wo and
# client_secret_wo: write_only = true keeps only digests of the secrets, never the secrets.
import {
  to = sinch_conversation_webhook.this
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    webhook_id = "01F8MECHZX3TBDSZ7XRADM79XE"
    write_only = true
  }
}
