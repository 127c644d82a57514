# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

# callback.json is a body captured byte for byte from a callback: {"name":"café"} with the é as "e"
# and a combining accent (Unicode NFD). As a string, Terraform would turn it into NFC, other bytes,
# so it is passed in base64.
output "captured_callback_signature" {
  # "487aef8be485587e8016f25b5dbaf9bbb9b9d95c"
  value = provider::sinch::callback_signature_base64("d1c7ccbf-919d-462f-8587-dec95a1b11ee", filebase64("${path.module}/callback.json"))
}
