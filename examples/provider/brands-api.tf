# The Brands API has the same callback-configuration endpoints as the Sender ID Registrations API.
# A second provider block, with an alias, manages a Brands API project beside the default one.
provider "sinch" {
  alias   = "brands"
  api_url = "https://brand.registrations.api.sinch.com"
}

variable "brands_callback_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "sinch_callback_configuration" "brands" {
  provider       = sinch.brands
  project_id     = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  hmac_secret_wo = var.brands_callback_secret
}
