import {
  to = sinch_callback_configuration.this
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}
