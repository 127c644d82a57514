# An app's webhooks (at most 5).
list "sinch_conversation_webhook" "app" {
  provider = sinch

  config {
    app_id = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  }
}

# Only those that send delivery reports, to one host.
list "sinch_conversation_webhook" "deliveries" {
  provider         = sinch
  include_resource = true

  config {
    app_id        = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
    trigger       = "MESSAGE_DELIVERY"
    target_prefix = "https://callbacks.example.com/"
  }
}
