# Terraform 1.12 and later (OpenTofu 1.12 and later): import by identity; write_only = true for secret_wo.
import {
  to = sinch_provisioning_webhook.whatsapp
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    webhook_id = "01HZX3T9M4Q8R2V7W6Y5K1J0PA"
    write_only = true
  }
}
