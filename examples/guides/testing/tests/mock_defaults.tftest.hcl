# Unit tests of a project left to the provider's default: under a mocked provider, project_id is made up
# unless mock_resource defaults give it (each test file has a state of its own).
mock_provider "sinch" {
  mock_resource "sinch_callback_configuration" {
    defaults = {
      project_id = "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b"
    }
  }
}

variables {
  project_id      = null
  callback_secret = "0d9e4c1a-5b7f-4e2a-9c3d-7f1e2b4a6c8d"
}

run "a_project_left_to_the_provider_from_mock_resource_defaults" {
  assert {
    condition     = sinch_callback_configuration.sender_id.project_id == "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b"
    error_message = "mock_resource defaults did not give the project."
  }
}
