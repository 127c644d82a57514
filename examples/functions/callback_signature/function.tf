# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

# The X-Sinch-Signature that Sinch sends with this body, for a smoke test of a callback handler.
locals {
  callback_body = jsonencode({ eventId = "e1", status = "SUCCEEDED" })
}

output "callback_signature" {
  # "924e2e4f82585a0899a7f0531ce9003e12e20295"
  value = provider::sinch::callback_signature("d1c7ccbf-919d-462f-8587-dec95a1b11ee", local.callback_body)
}
