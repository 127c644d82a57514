# generated.tf as the guide leaves it: what `terraform query -generate-config-out=generated.tf` wrote,
# with each secret set in write-only form from secrets.tf (step 3), the webhook's empty
# client_credentials deleted, and the test of the webhook's handler after each of its changes (step 5).

resource "sinch_callback_configuration" "project_0" {
  provider               = sinch
  hmac_secret            = null # sensitive
  hmac_secret_wo         = var.sender_id_callback_secret
  hmac_secret_wo_version = null
  project_id             = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}

import {
  to       = sinch_callback_configuration.project_0
  provider = sinch
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    write_only = true
  }
}

resource "sinch_brands_callback_configuration" "project_0" {
  provider               = sinch
  hmac_secret            = null # sensitive
  hmac_secret_wo         = var.brands_callback_secret
  hmac_secret_wo_version = null
  project_id             = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}

import {
  to       = sinch_brands_callback_configuration.project_0
  provider = sinch
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    write_only = true
  }
}

resource "sinch_numbers_callback_configuration" "project_0" {
  provider               = sinch
  hmac_secret            = null # sensitive
  hmac_secret_wo         = var.numbers_callback_secret
  hmac_secret_wo_version = null
  project_id             = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}

import {
  to       = sinch_numbers_callback_configuration.project_0
  provider = sinch
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    write_only = true
  }
}

resource "sinch_imported_numbers_callback_configuration" "project_0" {
  provider               = sinch
  hmac_secret            = null # sensitive
  hmac_secret_wo         = var.imported_numbers_callback_secret
  hmac_secret_wo_version = null
  project_id             = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}

import {
  to       = sinch_imported_numbers_callback_configuration.project_0
  provider = sinch
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    write_only = true
  }
}

resource "sinch_conversation_app_callback_settings" "app_0" {
  provider          = sinch
  app_id            = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  project_id        = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  secret            = null # sensitive
  secret_wo         = var.app_callback_secret
  secret_wo_version = null
}

import {
  to       = sinch_conversation_app_callback_settings.app_0
  provider = sinch
  identity = {
    app_id     = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    write_only = true
  }
}

resource "sinch_conversation_webhook" "app_0" {
  provider          = sinch
  app_id            = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  project_id        = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  secret            = null # sensitive
  secret_wo         = var.webhook_secret
  secret_wo_version = null
  target            = "https://callbacks.example.com/sinch/conversation"
  target_type       = "HTTP"
  triggers          = ["MESSAGE_DELIVERY", "MESSAGE_INBOUND"]

  # Step 5: after each create or update of the webhook, the apply tests its handler.
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.sinch_send_test_webhook.handler]
    }
  }
}

import {
  to       = sinch_conversation_webhook.app_0
  provider = sinch
  identity = {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
    webhook_id = "01F8MECHZX3TBDSZ7XRADM79XE"
    write_only = true
  }
}

action "sinch_send_test_webhook" "handler" {
  config {
    project_id = sinch_conversation_webhook.app_0.project_id
    webhook_id = sinch_conversation_webhook.app_0.id
  }
}
