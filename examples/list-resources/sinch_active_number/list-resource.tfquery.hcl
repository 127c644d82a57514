# Every number the project rents, with where its SMS and calls go (every page of Sinch's list).
list "sinch_active_number" "all" {
  provider = sinch
}

# The US local numbers that can take calls, with their configuration.
list "sinch_active_number" "us_voice" {
  provider         = sinch
  include_resource = true

  config {
    region_code = "US"
    type        = "LOCAL"
    capability  = "VOICE"
  }
}
