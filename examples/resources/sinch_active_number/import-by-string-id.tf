# "<project ID>/<phone number>", or "<phone number>" with the provider's project_id. A configuration of
# what Sinch holds plans no change.
import {
  to = sinch_active_number.support
  id = "aad4ccbf-919d-462f-8587-dec95a1b11b0/+12025550100"
}
