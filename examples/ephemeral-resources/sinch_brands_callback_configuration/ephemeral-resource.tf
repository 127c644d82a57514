# Reads the Brands API secret of one project for the length of a run, and sets it on another project
# without storing it anywhere: both projects then sign brand callbacks with the same secret.
ephemeral "sinch_brands_callback_configuration" "primary" {
  project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}

resource "sinch_brands_callback_configuration" "secondary" {
  project_id     = "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b"
  hmac_secret_wo = ephemeral.sinch_brands_callback_configuration.primary.hmac_secret
}
