# The import ID is the application key: the import keeps the URLs the application has, and the plan
# after it shows what the configuration would change.
import {
  to = sinch_voice_application_callbacks.ivr
  id = "5e4a6e6c-1b2d-4c3e-9f8a-7b6c5d4e3f2a"
}
