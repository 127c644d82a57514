# Tests the handler as soon as the webhook exists, in the apply that creates it: the apply fails unless
# the handler accepts a callback signed with the new secret and refuses a forged one (Terraform 1.14+).
variable "webhook_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_conversation_webhook" "support" {
  app_id    = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  target    = "https://callbacks.example.com/sinch/support"
  triggers  = ["MESSAGE_DELIVERY", "MESSAGE_INBOUND"]
  secret_wo = var.webhook_secret

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.sinch_send_test_webhook.support]
    }
  }
}

action "sinch_send_test_webhook" "support" {
  config {
    project_id = sinch_conversation_webhook.support.project_id
    webhook_id = sinch_conversation_webhook.support.id
  }
}
