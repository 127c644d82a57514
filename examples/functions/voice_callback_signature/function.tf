# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

# The Authorization header that Sinch sends with this callback of a Voice application, for a handler's
# tests: the application key, and the signature with the application secret (base64, as the dashboard
# shows it) of the method, the Content-Type, the x-timestamp header, the path and the raw body.
locals {
  application_key    = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
  application_secret = "JcmhLNmZlECkyBBTE+uVVw==" # a test application's: keep a real one out of code
  callback_body      = "{\"event\":\"ice\",\"callid\":\"4398599d1ba84ef3bde0a82dfb61abed\",\"cli\":\"46700000000\",\"to\":{\"type\":\"number\",\"endpoint\":\"46700000001\"}}"
}

output "callback_authorization" {
  # "Application 5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a:JMc8wR88UQp2vCy1oJUUNXcE6BKJEFsbEi6WtEQaWkk="
  value = "Application ${local.application_key}:${provider::sinch::voice_callback_signature(local.application_secret, "POST", "application/json; charset=utf-8", "2026-01-02T03:04:05Z", "/sinch/voice", local.callback_body)}"
}

output "signature_of_a_get" {
  # "2QPY98kQqDFRVB+Wo5TDyNQ1Ry4stH4DH9PKl/O4+I4="
  value = provider::sinch::voice_callback_signature(local.application_secret, "GET", "", "2026-01-02T03:04:05Z", "/v1/configuration/callbacks/applications/5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a", "")
}
