# With hmac_secret: the import ID is the project ID, and the secret is read into state.
import {
  to = sinch_imported_numbers_callback_configuration.plaintext
  id = "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b"
}
