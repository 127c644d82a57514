# The application's secret, in base64 as the Sinch dashboard shows it (Voice, Apps), from an ephemeral
# variable: it signs the provider's requests to the Voice API, and stays out of the plan and the state.
variable "voice_application_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

provider "sinch" {
  voice_applications = {
    "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a" = var.voice_application_secret
  }
}

# Where Sinch sends the application's call events (ICE, ACE, DiCE, PIE) and asks what to do with its calls.
resource "sinch_voice_application_callbacks" "ivr" {
  application_key = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
  primary_url     = "https://voice.example.com/sinch/callbacks"
  fallback_url    = "https://voice-fallback.example.com/sinch/callbacks"
}
