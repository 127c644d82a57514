# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

# The x-sinch-webhook-signature that Sinch sends with this callback, for a smoke test of a handler: the
# body as sent, and the values of the x-sinch-webhook-signature-nonce and -timestamp headers.
locals {
  callback_body = "{\"app_id\":\"01E\",\"message\":{\"text\":\"hello\"}}"
}

output "webhook_signature" {
  # "oVHkfBkfV8mQkLgX+i9djTHcDDJTqjBIIivfqZp7nho="
  value = provider::sinch::conversation_webhook_signature("d1c7ccbf-919d-462f-8587-dec95a1b11ee", local.callback_body, "01FJA8B4A7BM43YGWSG9GBV067", "1634579353")
}
