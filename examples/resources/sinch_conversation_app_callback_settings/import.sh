# "<project ID>/<app ID>", or "<app ID>" with the provider's project_id.
terraform import sinch_conversation_app_callback_settings.plaintext aad4ccbf-919d-462f-8587-dec95a1b11b0/01EB3Z5T3FVPA1ZQFHQFBYFPYF

# With secret_wo, add ":write-only": only a digest of the secret is kept.
terraform import sinch_conversation_app_callback_settings.this aad4ccbf-919d-462f-8587-dec95a1b11b0/01EB3Z5T3FVPA1ZQFHQFBYFPYF:write-only
