# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

# The webhook's secret, read for this run only, signs a test callback sent to the handler in the same run:
# an ephemeral value may stand in a provisioner's command, whose output Terraform then hides.
ephemeral "sinch_conversation_webhook" "registered" {
  id = "01F8MECHZX3TBDSZ7XRADM79XE"
}

locals {
  test_body = jsonencode({ app_id = "01EB3Z5T3FVPA1ZQFHQFBYFPYF", message_delivery_report = { status = "DELIVERED" } })
  nonce     = "smoke-test-nonce"
  timestamp = "1700000000"
}

resource "terraform_data" "smoke_test" {
  triggers_replace = local.test_body

  provisioner "local-exec" {
    command = join(" ", [
      "curl -fsS",
      "-H 'x-sinch-webhook-signature: ${provider::sinch::conversation_webhook_signature(ephemeral.sinch_conversation_webhook.registered.secret, local.test_body, local.nonce, local.timestamp)}'",
      "-H 'x-sinch-webhook-signature-nonce: ${local.nonce}'",
      "-H 'x-sinch-webhook-signature-timestamp: ${local.timestamp}'",
      "-H 'x-sinch-webhook-signature-algorithm: HmacSHA256'",
      "--data '${local.test_body}' https://callbacks.example.com/sinch/conversation",
    ])
  }
}
