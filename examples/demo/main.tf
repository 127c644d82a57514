# The configuration that `make demo` applies against the mock Sinch API. The provider reads its
# settings (API URL, token URL, access key, project) from the SINCH_* environment variables.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

provider "sinch" {}

variable "callback_secret" {
  type      = string
  sensitive = true
  default   = "0d9e4c1a-5b7f-4e2a-9c3d-7f1e2b4a6c8d"
}

resource "sinch_callback_configuration" "demo" {
  hmac_secret = var.callback_secret
}

data "sinch_callback_configuration" "demo" {
  project_id = sinch_callback_configuration.demo.project_id
}

output "project_id" {
  value = sinch_callback_configuration.demo.project_id
}

output "secret_matches" {
  value = nonsensitive(data.sinch_callback_configuration.demo.hmac_secret == var.callback_secret)
}
