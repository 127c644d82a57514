# The project's callback configuration (the provider's project_id, or the one named here): one result.
# terraform query -generate-config-out=generated.tf writes its resource and import blocks; set
# hmac_secret_wo there to the secret Sinch holds, and the plan imports it with no change.
list "sinch_callback_configuration" "project" {
  provider = sinch

  config {
    project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
  }
}
