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

# A mocked provider runs none of the provider's code, so a computed attribute that the configuration
# leaves unset is made up: project_id left to the provider's default is a random string, not the
# provider's project_id. tests/mock_defaults.tftest.hcl gives it in mock_resource defaults instead.
run "a_project_left_to_the_provider_is_made_up" {
  variables {
    project_id = null
  }
  assert {
    condition     = sinch_callback_configuration.sender_id.project_id != "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b"
    error_message = "The mocked provider gave the project of mock_resource defaults to a provider without them."
  }
}
