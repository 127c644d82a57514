# "<project ID>/<webhook ID>", or "<webhook ID>" with the provider's project_id.
terraform import sinch_conversation_webhook.with_oauth2 aad4ccbf-919d-462f-8587-dec95a1b11b0/01F8MECHZX3TBDSZ7XRADM79XE

# With secret_wo, add ":write-only": only digests of the secrets are kept.
terraform import sinch_conversation_webhook.this aad4ccbf-919d-462f-8587-dec95a1b11b0/01F8MECHZX3TBDSZ7XRADM79XE:write-only
