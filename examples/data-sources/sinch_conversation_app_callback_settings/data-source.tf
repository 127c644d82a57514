# An app's secret for overridden callback URLs, stored in state (null when Sinch does not answer it).
data "sinch_conversation_app_callback_settings" "this" {
  app_id = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
}
