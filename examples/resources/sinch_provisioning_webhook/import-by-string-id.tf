# With secret (plaintext): the import ID is "<project ID>/<webhook ID>". Sinch never answers the secret,
# so the first apply writes the configured one.
import {
  to = sinch_provisioning_webhook.everything
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0/01HZX3T9M4Q8R2V7W6Y5K1J0PA"
}
