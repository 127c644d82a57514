# Sends the webhook's target a MESSAGE_INBOUND callback (a contact's text message) signed with the
# webhook's secret, as Sinch would, then the same callback with a wrong signature. Run it with:
#   terraform apply -invoke=action.sinch_send_test_webhook.orders
action "sinch_send_test_webhook" "orders" {
  config {
    webhook_id = "01F8MECHZX3TBDSZ7XRADM79XE"
    trigger    = "MESSAGE_INBOUND"
    timeout    = "5s"
  }
}
