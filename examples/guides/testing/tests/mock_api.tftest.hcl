# Integration tests against the bundled mock of Sinch's APIs (sinch-mock): the provider reads the mock's
# settings from the SINCH_* environment variables that sinch-mock prints. project_id must exist there.
variables {
  project_id      = "my-test-project"
  callback_secret = "0d9e4c1a-5b7f-4e2a-9c3d-7f1e2b4a6c8d"
}

run "applies" {
  assert {
    condition     = output.project_ids == [var.project_id, var.project_id]
    error_message = "The configurations are not the project's."
  }
}

# A refresh reads the secrets back from the mock, as Sinch would answer them.
run "holds_the_secrets_at_sinch" {
  command = plan
  plan_options {
    mode = refresh-only
  }

  assert {
    condition     = sinch_callback_configuration.sender_id.hmac_secret == var.callback_secret
    error_message = "The mock's Sender ID Registrations API does not hold the secret."
  }
  assert {
    condition     = sinch_numbers_callback_configuration.numbers.hmac_secret == var.callback_secret
    error_message = "The mock's Numbers API does not hold the secret."
  }
}
