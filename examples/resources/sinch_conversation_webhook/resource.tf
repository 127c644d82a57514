# Where the callbacks of a Conversation API app go, and the secret that signs them, write-only
# (Terraform 1.11 and later): it reaches Sinch and never the plan or the state.
variable "webhook_secret" {
  description = "The secret with which Sinch signs the webhook's callbacks."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "sinch_conversation_webhook" "this" {
  project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  app_id     = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  target     = "https://callbacks.example.com/sinch/conversation"
  triggers   = ["MESSAGE_DELIVERY", "MESSAGE_INBOUND", "EVENT_INBOUND"]

  secret_wo = var.webhook_secret
  # Optional: with a version, the secret is written when the version changes, not when the value alone
  # does (for a value made anew on every run, such as an ephemeral random password).
  secret_wo_version = 1
}

# A target that needs an OAuth2 token: Sinch fetches one with these client credentials and sends it with
# each callback. The client secret is write-only too.
variable "client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_conversation_webhook" "with_oauth2" {
  app_id    = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  target    = "https://api.example.com/sinch/callbacks"
  triggers  = ["MESSAGE_DELIVERY"]
  secret_wo = var.webhook_secret

  client_credentials = {
    client_id                = "sinch-callbacks"
    endpoint                 = "https://auth.example.com/oauth2/token"
    scope                    = "callbacks:write"
    client_secret_wo         = var.client_secret
    client_secret_wo_version = 1
  }
}
