# Reads the Brands API secret of the provider's default project, for example to hand it to the service
# that verifies the X-Sinch-Signature header of brand status updates.
data "sinch_brands_callback_configuration" "current" {}

output "brands_callback_secret" {
  value     = data.sinch_brands_callback_configuration.current.hmac_secret
  sensitive = true
}
