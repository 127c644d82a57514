# Where a Voice application's calls go now. The provider signs the read with the application's key and
# secret: the application must be in its voice_applications (or SINCH_APPLICATION_KEY and
# SINCH_APPLICATION_SECRET).
data "sinch_voice_application_callbacks" "ivr" {
  application_key = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
}

output "ivr_primary_url" {
  value = data.sinch_voice_application_callbacks.ivr.primary_url
}
