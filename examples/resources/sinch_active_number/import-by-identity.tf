# Terraform 1.12 and later (OpenTofu 1.12 and later): import by identity.
import {
  to = sinch_active_number.support
  identity = {
    project_id   = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    phone_number = "+12025550100"
  }
}
