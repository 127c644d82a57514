# An app's secret for overridden callback URLs: one result.
list "sinch_conversation_app_callback_settings" "app" {
  provider = sinch

  config {
    app_id = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  }
}
