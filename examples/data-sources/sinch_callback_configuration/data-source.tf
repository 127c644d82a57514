# Reads the secret of the provider's default project, for example to hand it to the service that
# verifies the X-Sinch-Signature header of callbacks.
data "sinch_callback_configuration" "current" {}

output "callback_secret" {
  value     = data.sinch_callback_configuration.current.hmac_secret
  sensitive = true
}
