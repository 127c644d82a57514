# With secret (plaintext): the import ID is "<project ID>/<webhook ID>", and the secrets Sinch answers are
# read into state.
import {
  to = sinch_conversation_webhook.with_oauth2
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0/01F8MECHZX3TBDSZ7XRADM79XE"
}
