# With hmac_secret: the import ID is the project ID, and the secret is read into state.
import {
  to = sinch_callback_configuration.plaintext
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}
