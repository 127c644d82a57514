import {
  to       = sinch_active_number.project_0
  provider = sinch
  identity = {
    phone_number = "+12025550100"
    project_id   = "project-1"
  }
}

import {
  to       = sinch_active_number.project_1
  provider = sinch
  identity = {
    phone_number = "+12025550101"
    project_id   = "project-1"
  }
}

import {
  to       = sinch_active_number.project_2
  provider = sinch
  identity = {
    phone_number = "+15145550102"
    project_id   = "project-1"
  }
}

import {
  to       = sinch_brands_callback_configuration.project_0
  provider = sinch
  identity = {
    project_id = "project-1"
    write_only = true
  }
}

import {
  to       = sinch_callback_configuration.project_0
  provider = sinch
  identity = {
    project_id = "project-1"
    write_only = true
  }
}

import {
  to       = sinch_conversation_app_callback_settings.app_0
  provider = sinch
  identity = {
    app_id     = "app-1"
    project_id = "project-1"
    write_only = true
  }
}

import {
  to       = sinch_conversation_webhook.app_0
  provider = sinch
  identity = {
    project_id = "project-1"
    webhook_id = "<conversation webhook 0>"
    write_only = true
  }
}

import {
  to       = sinch_conversation_webhook.app_1
  provider = sinch
  identity = {
    project_id = "project-1"
    webhook_id = "<conversation webhook 1>"
    write_only = true
  }
}

import {
  to       = sinch_conversation_webhook.app_2
  provider = sinch
  identity = {
    project_id = "project-1"
    webhook_id = "<conversation webhook 2>"
    write_only = true
  }
}

import {
  to       = sinch_imported_numbers_callback_configuration.project_0
  provider = sinch
  identity = {
    project_id = "project-1"
    write_only = true
  }
}

import {
  to       = sinch_numbers_callback_configuration.project_0
  provider = sinch
  identity = {
    project_id = "project-1"
    write_only = true
  }
}

import {
  to       = sinch_provisioning_webhook.onboarding_0
  provider = sinch
  identity = {
    project_id = "project-1"
    webhook_id = "<provisioning webhook 0>"
    write_only = true
  }
}

import {
  to       = sinch_provisioning_webhook.onboarding_1
  provider = sinch
  identity = {
    project_id = "project-1"
    webhook_id = "<provisioning webhook 1>"
    write_only = true
  }
}

import {
  to       = sinch_provisioning_webhook.onboarding_2
  provider = sinch
  identity = {
    project_id = "project-1"
    webhook_id = "<provisioning webhook 2>"
    write_only = true
  }
}

import {
  to       = sinch_voice_application_callbacks.all_0
  provider = sinch
  identity = {
    application_key = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
  }
}

resource "sinch_active_number" "project_0" {
  provider     = sinch
  callback_url = "https://callbacks.example.com/sinch/numbers"
  display_name = "Support line"
  phone_number = "+12025550100"
  project_id   = "project-1"
  sms_configuration = {
    campaign_id     = null
    service_plan_id = "plan-a"
  }
  timeouts = null
  voice_configuration = {
    app_id     = "voice-app-1"
    service_id = null
    trunk_id   = null
    type       = "RTC"
  }
}

resource "sinch_active_number" "project_1" {
  provider     = sinch
  phone_number = "+12025550101"
  project_id   = "project-1"
  sms_configuration = {
    campaign_id     = null
    service_plan_id = ""
  }
  timeouts = null
}

resource "sinch_active_number" "project_2" {
  provider     = sinch
  phone_number = "+15145550102"
  project_id   = "project-1"
  sms_configuration = {
    campaign_id     = null
    service_plan_id = ""
  }
  timeouts = null
}

resource "sinch_brands_callback_configuration" "project_0" {
  provider               = sinch
  hmac_secret            = null # sensitive
  hmac_secret_wo         = null # sensitive
  hmac_secret_wo_version = null
  project_id             = "project-1"
}

resource "sinch_callback_configuration" "project_0" {
  provider               = sinch
  hmac_secret            = null # sensitive
  hmac_secret_wo         = null # sensitive
  hmac_secret_wo_version = null
  project_id             = "project-1"
}

resource "sinch_conversation_app_callback_settings" "app_0" {
  provider          = sinch
  app_id            = "app-1"
  project_id        = "project-1"
  secret            = null # sensitive
  secret_wo         = null # sensitive
  secret_wo_version = null
}

resource "sinch_conversation_webhook" "app_0" {
  provider           = sinch
  app_id             = "app-1"
  client_credentials = {} # sensitive
  project_id         = "project-1"
  secret             = null # sensitive
  secret_wo          = null # sensitive
  secret_wo_version  = null
  target             = "https://callbacks.example.com/sinch/conversation"
  target_type        = "HTTP"
  triggers           = ["MESSAGE_DELIVERY", "MESSAGE_INBOUND"]
}

resource "sinch_conversation_webhook" "app_1" {
  provider           = sinch
  app_id             = "app-1"
  client_credentials = {} # sensitive
  project_id         = "project-1"
  secret             = null # sensitive
  secret_wo          = null # sensitive
  secret_wo_version  = null
  target             = "https://callbacks.example.com/sinch/contacts"
  target_type        = "HTTP"
  triggers           = ["CONTACT_CREATE"]
}

resource "sinch_conversation_webhook" "app_2" {
  provider           = sinch
  app_id             = "app-1"
  client_credentials = {} # sensitive
  project_id         = "project-1"
  secret             = null # sensitive
  secret_wo          = null # sensitive
  secret_wo_version  = null
  target             = "https://legacy.example.net/hook"
  target_type        = "HTTP"
  triggers           = ["MESSAGE_DELIVERY"]
}

resource "sinch_imported_numbers_callback_configuration" "project_0" {
  provider               = sinch
  hmac_secret            = null # sensitive
  hmac_secret_wo         = null # sensitive
  hmac_secret_wo_version = null
  project_id             = "project-1"
}

resource "sinch_numbers_callback_configuration" "project_0" {
  provider               = sinch
  hmac_secret            = null # sensitive
  hmac_secret_wo         = null # sensitive
  hmac_secret_wo_version = null
  project_id             = "project-1"
}

resource "sinch_provisioning_webhook" "onboarding_0" {
  provider          = sinch
  project_id        = "project-1"
  secret            = null # sensitive
  secret_wo         = null # sensitive
  secret_wo_version = null
  target            = "https://onboarding.example.com/events/0"
  triggers          = ["ALL"]
}

resource "sinch_provisioning_webhook" "onboarding_1" {
  provider          = sinch
  project_id        = "project-1"
  secret            = null # sensitive
  secret_wo         = null # sensitive
  secret_wo_version = null
  target            = "https://onboarding.example.com/events/1"
  triggers          = ["WHATSAPP_SENDER_ACTIVE"]
}

resource "sinch_provisioning_webhook" "onboarding_2" {
  provider          = sinch
  project_id        = "project-1"
  secret            = null # sensitive
  secret_wo         = null # sensitive
  secret_wo_version = null
  target            = "https://onboarding.example.com/events/2"
  triggers          = ["RCS_SENDER_STATUS_UPDATED"]
}

resource "sinch_voice_application_callbacks" "all_0" {
  provider        = sinch
  application_key = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
  fallback_url    = null
  primary_url     = "https://callbacks.example.com/sinch/voice"
}
