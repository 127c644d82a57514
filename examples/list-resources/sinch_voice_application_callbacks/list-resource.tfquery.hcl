# The callback URLs of every Voice application whose secret the provider has (voice_applications, or
# SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET): Sinch lists no applications.
list "sinch_voice_application_callbacks" "all" {
  provider         = sinch
  include_resource = true
}

# One of them.
list "sinch_voice_application_callbacks" "ivr" {
  provider = sinch

  config {
    application_key = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
  }
}
