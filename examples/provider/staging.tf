# Sinch's staging host of the Sender ID Registrations API, for a staging project.
provider "sinch" {
  alias   = "staging"
  api_url = "https://senderid.numbers-registration.staging.sinch.com"
}
