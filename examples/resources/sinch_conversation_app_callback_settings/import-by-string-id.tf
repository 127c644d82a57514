# With secret (plaintext): the import ID is "<project ID>/<app ID>", and the secret Sinch answers (if it
# answers it) is read into state.
import {
  to = sinch_conversation_app_callback_settings.plaintext
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0/01EB3Z5T3FVPA1ZQFHQFBYFPYF"
}
