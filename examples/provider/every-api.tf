# One provider block manages the callback secrets of every API: Sender ID Registrations, Brands,
# Numbers, and Imported Numbers and Hosting Orders take the same access key, and one access token
# serves them all.
variable "callback_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_callback_configuration" "sender_id" {
  hmac_secret_wo = var.callback_secret
}

resource "sinch_brands_callback_configuration" "brands" {
  hmac_secret_wo = var.callback_secret
}

resource "sinch_numbers_callback_configuration" "numbers" {
  hmac_secret_wo = var.callback_secret
}

resource "sinch_imported_numbers_callback_configuration" "imported_numbers" {
  hmac_secret_wo = var.callback_secret
}
