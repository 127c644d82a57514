# Reads a project's Numbers API secret for the length of a run, and uses it for the project's Sender ID
# Registrations callbacks too, without storing it anywhere: one handler can then verify both.
ephemeral "sinch_numbers_callback_configuration" "numbers" {
  project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}

resource "sinch_callback_configuration" "sender_id" {
  project_id     = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  hmac_secret_wo = ephemeral.sinch_numbers_callback_configuration.numbers.hmac_secret
}
