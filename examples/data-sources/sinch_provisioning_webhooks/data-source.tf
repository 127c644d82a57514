# Every webhook of the project's onboarding events (every page of Sinch's list): to see what is
# registered, or to find a webhook to import.
data "sinch_provisioning_webhooks" "project" {}

output "onboarding_webhooks" {
  value = { for w in data.sinch_provisioning_webhooks.project.webhooks : w.id => w.target }
}
