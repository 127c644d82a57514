# With hmac_secret_wo: the import ID ends in ":write-only", and only a digest of the secret is kept,
# never the secret, in the state or in a plan file.
import {
  to = sinch_callback_configuration.this
  id = "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b:write-only"
}
