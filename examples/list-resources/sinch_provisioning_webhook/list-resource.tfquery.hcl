# The project's Provisioning webhooks (at most 15), every page of Sinch's list.
list "sinch_provisioning_webhook" "project" {
  provider = sinch
}

# The first five that send WhatsApp senders' activation.
list "sinch_provisioning_webhook" "whatsapp" {
  provider = sinch
  limit    = 5

  config {
    trigger = "WHATSAPP_SENDER_ACTIVE"
  }
}
