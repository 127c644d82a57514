# Reads a webhook's secret for the length of a run, and sets it on another app's webhook without storing
# it anywhere: both apps' callbacks then verify with the same secret.
ephemeral "sinch_conversation_webhook" "primary" {
  id = "01F8MECHZX3TBDSZ7XRADM79XE"
}

resource "sinch_conversation_webhook" "secondary" {
  app_id    = "01EB3Z6R1NQKQXA4W2KPKZ0Y9J"
  target    = "https://callbacks.example.com/sinch/conversation"
  triggers  = ["MESSAGE_DELIVERY"]
  secret_wo = ephemeral.sinch_conversation_webhook.primary.secret
}
