# One webhook of the Provisioning API, by its ID: its target and triggers (Sinch never answers its secret).
data "sinch_provisioning_webhook" "onboarding" {
  id = "01HZX3T9M4Q8R2V7W6Y5K1J0PA"
}

output "onboarding_target" {
  value = data.sinch_provisioning_webhook.onboarding.target
}
