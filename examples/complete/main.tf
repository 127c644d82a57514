# A complete configuration: one callback secret for every Sender ID project of a team, kept out of
# the plan and the state, also used by the checkout project's Numbers API callbacks, copied to the
# team's Brands API project, and a signature to smoke-test the service that verifies callbacks. One
# provider block serves every API. Credentials come from SINCH_KEY_ID and SINCH_KEY_SECRET.
terraform {
  required_version = ">= 1.11"
  required_providers {
    sinch = {
      source  = "terraform-sinch/sinch"
      version = "~> 0.1"
    }
  }
}

provider "sinch" {}

variable "sender_id_projects" {
  description = "The team's Sender ID projects, by name."
  type        = map(string)
  default = {
    checkout  = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    marketing = "0b9e3f5a-2c71-4d8e-9a6b-4f1c2d3e5a7b"
    support   = "5c2d8e1f-7a3b-4c9d-8e6f-1a2b3c4d5e6f"
  }
}

variable "brands_project" {
  description = "The team's Brands API project."
  type        = string
  default     = "9f8e7d6c-5b4a-4392-8171-605f4e3d2c1b"
}

variable "callback_secret" {
  description = "The HMAC secret for every project, from a secret store: never written to plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "callback_secret_version" {
  description = "Change to write the secret again, such as after a rotation in the secret store."
  type        = number
  default     = 1
}

resource "sinch_callback_configuration" "sender_id" {
  for_each = var.sender_id_projects

  project_id             = each.value
  hmac_secret_wo         = var.callback_secret
  hmac_secret_wo_version = var.callback_secret_version
}

# The Brands API project signs with the secret the checkout project holds at Sinch, read for this run
# only.
ephemeral "sinch_callback_configuration" "checkout" {
  project_id = var.sender_id_projects["checkout"]
  depends_on = [sinch_callback_configuration.sender_id]
}

resource "sinch_brands_callback_configuration" "brands" {
  project_id     = var.brands_project
  hmac_secret_wo = ephemeral.sinch_callback_configuration.checkout.hmac_secret
}

# The checkout project's numbers send their callbacks through the Numbers API, to the same handler.
resource "sinch_numbers_callback_configuration" "checkout" {
  project_id             = var.sender_id_projects["checkout"]
  hmac_secret_wo         = var.callback_secret
  hmac_secret_wo_version = var.callback_secret_version
}

# A fixed test secret and body, for the callback handler's own test suite: the handler must accept
# this signature for this body when configured with this secret.
locals {
  handler_test_secret = "handler-test-0d9e4c1a-5b7f-4e2a-9c3d"
  handler_test_body   = jsonencode({ eventId = "e1", eventType = "BRAND_STATUS_UPDATE", status = "APPROVED" })
}

output "handler_test_signature" {
  description = "X-Sinch-Signature of local.handler_test_body under local.handler_test_secret."
  value       = provider::sinch::callback_signature(local.handler_test_secret, local.handler_test_body)
}

output "secret_status" {
  description = "Whether Sinch holds the configured secret, per project."
  value = merge(
    { for name, c in sinch_callback_configuration.sender_id : name => c.hmac_secret_wo_status },
    {
      brands           = sinch_brands_callback_configuration.brands.hmac_secret_wo_status
      checkout_numbers = sinch_numbers_callback_configuration.checkout.hmac_secret_wo_status
    },
  )
}
