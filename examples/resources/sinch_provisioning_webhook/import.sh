# "<project ID>/<webhook ID>", or "<webhook ID>" with the provider's project_id.
terraform import sinch_provisioning_webhook.everything aad4ccbf-919d-462f-8587-dec95a1b11b0/01HZX3T9M4Q8R2V7W6Y5K1J0PA

# With secret_wo, add ":write-only".
terraform import sinch_provisioning_webhook.whatsapp aad4ccbf-919d-462f-8587-dec95a1b11b0/01HZX3T9M4Q8R2V7W6Y5K1J0PA:write-only
