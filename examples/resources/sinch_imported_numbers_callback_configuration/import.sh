# With hmac_secret, the import ID is the project ID.
terraform import sinch_imported_numbers_callback_configuration.plaintext 0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b

# With hmac_secret_wo, add ":write-only": only a digest of the secret is kept.
terraform import sinch_imported_numbers_callback_configuration.this aad4ccbf-919d-462f-8587-dec95a1b11b0:write-only
