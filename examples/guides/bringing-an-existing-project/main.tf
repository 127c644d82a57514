# The provider: the access key from SINCH_KEY_ID and SINCH_KEY_SECRET, the project from SINCH_PROJECT_ID.
terraform {
  required_version = ">= 1.14"
  required_providers {
    sinch = {
      source = "terraform-sinch/sinch"
    }
  }
}

provider "sinch" {}
