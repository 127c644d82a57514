# Reads the Imported Numbers and Hosting Orders API secret of a project, for example to hand it to the
# service that verifies the X-Sinch-Signature header of that API's callbacks.
data "sinch_imported_numbers_callback_configuration" "current" {
  project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}

output "imported_numbers_callback_secret" {
  value     = data.sinch_imported_numbers_callback_configuration.current.hmac_secret
  sensitive = true
}
