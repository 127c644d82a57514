# One webhook, by ID: where its callbacks go. Its secrets are stored in state too; read them with the
# ephemeral resource to keep them out.
data "sinch_conversation_webhook" "orders" {
  id = "01F8MECHZX3TBDSZ7XRADM79XE"
}

output "orders_target" {
  value = data.sinch_conversation_webhook.orders.target
}
