# Reads a project's Imported Numbers and Hosting Orders API secret for the length of a run, and sets it
# as the Numbers API's secret too, without storing it anywhere: one handler can then verify the callbacks
# of imported and purchased numbers alike.
ephemeral "sinch_imported_numbers_callback_configuration" "imported" {
  project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}

resource "sinch_numbers_callback_configuration" "numbers" {
  project_id     = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  hmac_secret_wo = ephemeral.sinch_imported_numbers_callback_configuration.imported.hmac_secret
}
