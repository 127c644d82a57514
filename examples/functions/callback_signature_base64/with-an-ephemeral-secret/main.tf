# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

# The secret, read for this run only, signs a test callback (a file, byte for byte) sent to the handler in
# the same run: an ephemeral value may stand in a provisioner's command, whose output Terraform then hides.
ephemeral "sinch_numbers_callback_configuration" "current" {}

resource "terraform_data" "smoke_test" {
  triggers_replace = filesha256("${path.module}/callback.json")

  provisioner "local-exec" {
    command = "curl -fsS -H 'X-Sinch-Signature: ${provider::sinch::callback_signature_base64(ephemeral.sinch_numbers_callback_configuration.current.hmac_secret, filebase64("${path.module}/callback.json"))}' --data-binary @${path.module}/callback.json https://callbacks.example.com/sinch"
  }
}
