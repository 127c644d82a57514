# Terraform 1.12 and later (OpenTofu 1.12 and later): import by identity.
# With hmac_secret: the identity names the project, and the secret is read into state.
import {
  to = sinch_imported_numbers_callback_configuration.plaintext
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  }
}

# With hmac_secret_wo: write_only = true keeps only a digest of the secret, never the secret, in the
# state or in a plan file, as an import ID that ends in ":write-only" does.
import {
  to = sinch_imported_numbers_callback_configuration.this
  identity = {
    project_id = "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b"
    write_only = true
  }
}
