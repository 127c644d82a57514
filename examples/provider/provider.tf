# The access key comes from the Sinch dashboard (Access keys). Rather than writing it here, set
# SINCH_KEY_ID and SINCH_KEY_SECRET in the environment; SINCH_PROJECT_ID sets the default project.
provider "sinch" {
  project_id = "aad4ccbf-919d-462f-8587-dec95a1b11b0"
}
