# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

# The secret, read for this run only, signs a test callback sent to the handler in the same run: an
# ephemeral value may stand in a provisioner's command, whose output Terraform then hides.
ephemeral "sinch_callback_configuration" "current" {}

locals {
  test_body = jsonencode({ eventId = "smoke-test", status = "SUCCEEDED" })
}

resource "terraform_data" "smoke_test" {
  triggers_replace = local.test_body

  provisioner "local-exec" {
    command = "curl -fsS -H 'X-Sinch-Signature: ${provider::sinch::callback_signature(ephemeral.sinch_callback_configuration.current.hmac_secret, local.test_body)}' --data '${local.test_body}' https://callbacks.example.com/sinch"
  }
}
