# The webhooks of an app, without their secrets: to see what is registered, or to find a webhook to
# import.
data "sinch_conversation_webhooks" "app" {
  app_id = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
}

output "targets" {
  value = { for w in data.sinch_conversation_webhooks.app.webhooks : w.id => w.target }
}
