# With hmac_secret_wo: the import ID ends in ":write-only", and only a digest of the secret is kept,
# never the secret, in the state or in a plan file.
import {
  to = sinch_imported_numbers_callback_configuration.this
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0:write-only"
}
