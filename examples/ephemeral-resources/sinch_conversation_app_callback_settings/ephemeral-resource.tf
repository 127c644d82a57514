# Reads an app's secret for overridden callback URLs for the length of a run, and sets it on the app's
# webhook without storing it anywhere: a handler then verifies the delivery receipts of messages sent
# with a callback_url of their own, and those of the webhook, with one secret.
ephemeral "sinch_conversation_app_callback_settings" "this" {
  app_id = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
}

resource "sinch_conversation_webhook" "receipts" {
  app_id    = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  target    = "https://callbacks.example.com/sinch/conversation"
  triggers  = ["MESSAGE_DELIVERY"]
  secret_wo = ephemeral.sinch_conversation_app_callback_settings.this.secret
}
