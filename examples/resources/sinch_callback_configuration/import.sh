# The import ID is the project ID.
terraform import sinch_callback_configuration.this aad4ccbf-919d-462f-8587-dec95a1b11b0
