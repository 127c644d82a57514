# Terraform 1.12 and later (OpenTofu 1.12 and later): import by identity, the application key.
import {
  to = sinch_voice_application_callbacks.ivr
  identity = {
    application_key = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
  }
}
