# After the move from a generic REST provider: the same callback configurations, webhooks and app
# callback settings, managed by the Sinch provider. One apply adopts each of them (import) and forgets the generic resources without
# deleting anything at Sinch (removed); then both kinds of block can go.
terraform {
  required_version = ">= 1.11"
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

provider "sinch" {}

variable "project_id" {
  type = string
}

variable "callback_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "app_id" {
  description = "The Conversation API app of the webhook."
  type        = string
}

variable "webhook_id" {
  description = "The webhook that the generic resource made (its id)."
  type        = string
}

variable "webhook_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "onboarding_webhook_id" {
  description = "The Provisioning API webhook that the generic resource made (its id)."
  type        = string
}

variable "onboarding_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

import {
  to = sinch_callback_configuration.sender_id
  id = "${var.project_id}:write-only"
}

import {
  to = sinch_brands_callback_configuration.brands
  id = "${var.project_id}:write-only"
}

import {
  to = sinch_numbers_callback_configuration.numbers
  id = "${var.project_id}:write-only"
}

import {
  to = sinch_imported_numbers_callback_configuration.imported_numbers
  id = "${var.project_id}:write-only"
}

import {
  to = sinch_conversation_webhook.handler
  id = "${var.project_id}/${var.webhook_id}:write-only"
}

# The app's secret for overridden callback URLs (its callback_settings).
import {
  to = sinch_conversation_app_callback_settings.app
  id = "${var.project_id}/${var.app_id}:write-only"
}

# Sinch never answers this webhook's secret: the apply writes the configured one (the plan says so).
import {
  to = sinch_provisioning_webhook.onboarding
  id = "${var.project_id}/${var.onboarding_webhook_id}:write-only"
}

# The generic resources leave the state, and their endpoints are not called.
removed {
  from = restapi_object.sender_id_callbacks
  lifecycle {
    destroy = false
  }
}

removed {
  from = restapi_object.brands_callbacks
  lifecycle {
    destroy = false
  }
}

removed {
  from = restapi_object.numbers_callbacks
  lifecycle {
    destroy = false
  }
}

removed {
  from = restapi_object.imported_numbers_callbacks
  lifecycle {
    destroy = false
  }
}

# Without destroy = false, the generic resource would DELETE the webhook.
removed {
  from = restapi_object.webhook
  lifecycle {
    destroy = false
  }
}

removed {
  from = restapi_object.app_callback_settings
  lifecycle {
    destroy = false
  }
}

removed {
  from = restapi_object.onboarding_webhook
  lifecycle {
    destroy = false
  }
}

resource "sinch_callback_configuration" "sender_id" {
  project_id     = var.project_id
  hmac_secret_wo = var.callback_secret
}

resource "sinch_brands_callback_configuration" "brands" {
  project_id     = var.project_id
  hmac_secret_wo = var.callback_secret
}

resource "sinch_numbers_callback_configuration" "numbers" {
  project_id     = var.project_id
  hmac_secret_wo = var.callback_secret
}

resource "sinch_imported_numbers_callback_configuration" "imported_numbers" {
  project_id     = var.project_id
  hmac_secret_wo = var.callback_secret
}

resource "sinch_conversation_webhook" "handler" {
  project_id = var.project_id
  app_id     = var.app_id
  target     = "https://callbacks.example.com/sinch/conversation"
  triggers   = ["MESSAGE_INBOUND", "MESSAGE_DELIVERY"]
  secret_wo  = var.webhook_secret
}

resource "sinch_conversation_app_callback_settings" "app" {
  project_id = var.project_id
  app_id     = var.app_id
  secret_wo  = var.webhook_secret
}

resource "sinch_provisioning_webhook" "onboarding" {
  project_id = var.project_id
  target     = "https://callbacks.example.com/sinch/onboarding"
  triggers   = ["WHATSAPP_SENDER_ACTIVE", "WHATSAPP_TEMPLATE_APPROVED"]
  secret_wo  = var.onboarding_secret
}
