# With secret_wo and client_secret_wo: the import ID ends in ":write-only", and only digests of the
# secrets are kept, never the secrets, in the state or in a plan file.
import {
  to = sinch_conversation_webhook.this
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0/01F8MECHZX3TBDSZ7XRADM79XE:write-only"
}
