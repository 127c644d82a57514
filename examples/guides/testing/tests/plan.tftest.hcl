# Unit tests: the provider is mocked, so nothing calls Sinch and no credentials are needed.
mock_provider "sinch" {}

variables {
  project_id      = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  callback_secret = "0d9e4c1a-5b7f-4e2a-9c3d-7f1e2b4a6c8d"
}

run "sets_both_apis_for_the_project" {
  command = plan

  assert {
    condition     = sinch_callback_configuration.sender_id.project_id == var.project_id
    error_message = "The Sender ID configuration is not the project's."
  }
  assert {
    condition     = sinch_numbers_callback_configuration.numbers.project_id == var.project_id
    error_message = "The Numbers configuration is not the project's."
  }
}

run "refuses_a_short_secret" {
  command = plan
  variables {
    callback_secret = "too-short"
  }
  expect_failures = [var.callback_secret]
}
