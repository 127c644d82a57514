# Sends the handler a provisioning event of a number, signed with the project's secret in the Numbers
# API (X-Sinch-Signature), as Sinch would, then the same event with a wrong signature. Run it with:
#   terraform apply -invoke=action.sinch_send_test_callback.numbers
action "sinch_send_test_callback" "numbers" {
  config {
    api = "numbers"
    url = "https://callbacks.example.com/sinch/numbers"
  }
}

# A handler on this machine, during development: plain http is accepted on a loopback address only.
action "sinch_send_test_callback" "local" {
  config {
    api          = "brands"
    url          = "http://localhost:8080/sinch/brands"
    check_forged = false # this handler does not check signatures yet
  }
}
