# With secret_wo: the import ID ends in ":write-only", and the secret never reaches the state or a plan
# file. Sinch never answers the secret, so the first apply writes the configured one.
import {
  to = sinch_provisioning_webhook.whatsapp
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0/01HZX3T9M4Q8R2V7W6Y5K1J0PA:write-only"
}
