# Tests the handler each time the secret changes, in the same apply: the apply fails unless the handler
# already checks X-Sinch-Signature with the new secret (Terraform 1.14+).
variable "numbers_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "numbers_secret_version" {
  type = number
}

resource "sinch_numbers_callback_configuration" "this" {
  hmac_secret_wo         = var.numbers_secret
  hmac_secret_wo_version = var.numbers_secret_version

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.sinch_send_test_callback.after_rotation]
    }
  }
}

action "sinch_send_test_callback" "after_rotation" {
  config {
    api        = "numbers"
    project_id = sinch_numbers_callback_configuration.this.project_id
    url        = "https://callbacks.example.com/sinch/numbers"
  }
}
