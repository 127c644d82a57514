# With secret_wo: the import ID ends in ":write-only", and only a digest of the secret is kept.
import {
  to = sinch_conversation_app_callback_settings.this
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0/01EB3Z5T3FVPA1ZQFHQFBYFPYF:write-only"
}
