# The application key (the provider needs its secret, in voice_applications or SINCH_APPLICATION_SECRET).
terraform import sinch_voice_application_callbacks.ivr 5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a
