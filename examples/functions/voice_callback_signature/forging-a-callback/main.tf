# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

# A handler's test sends it a callback signed as Sinch signs it, with the time of the run, so that a
# handler that refuses old callbacks takes it. The secret is ephemeral: an ephemeral value may stand in
# a provisioner's command, whose output Terraform then hides.
variable "application_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "handler_url" {
  type    = string
  default = "http://localhost:8080/sinch/voice"
}

locals {
  application_key = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
  content_type    = "application/json; charset=utf-8"
  body            = "{\"event\":\"ice\",\"callid\":\"test-call-1\",\"cli\":\"46700000000\",\"to\":{\"type\":\"number\",\"endpoint\":\"46700000001\"}}"
  timestamp       = formatdate("YYYY-MM-DD'T'hh:mm:ss'Z'", plantimestamp())
  # The path alone, without the host or the query.
  path = regex("^[a-z]+://[^/]+(/[^?#]*)", var.handler_url)[0]
}

resource "terraform_data" "test_callback" {
  triggers_replace = local.timestamp

  provisioner "local-exec" {
    command = join(" ", [
      "curl -fsS -X POST",
      "-H 'Content-Type: ${local.content_type}'",
      "-H 'x-timestamp: ${local.timestamp}'",
      "-H 'Authorization: Application ${local.application_key}:${provider::sinch::voice_callback_signature(var.application_secret, "POST", local.content_type, local.timestamp, local.path, local.body)}'",
      "--data '${local.body}' '${var.handler_url}'",
    ])
  }
}
