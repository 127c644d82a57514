# What the project has, one list block a type: `terraform query` lists it, and
# `terraform query -generate-config-out=generated.tf` writes a resource and an import block for each
# object found. The callback configurations and the app's settings are one object each.
list "sinch_callback_configuration" "project" {
  provider = sinch
}

list "sinch_brands_callback_configuration" "project" {
  provider = sinch
}

list "sinch_numbers_callback_configuration" "project" {
  provider = sinch
}

list "sinch_imported_numbers_callback_configuration" "project" {
  provider = sinch
}

list "sinch_conversation_app_callback_settings" "app" {
  provider = sinch

  config {
    app_id = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  }
}

list "sinch_conversation_webhook" "app" {
  provider = sinch

  config {
    app_id = "01EB3Z5T3FVPA1ZQFHQFBYFPYF"
  }
}
