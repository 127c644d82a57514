#!/usr/bin/env bash
# The demo: builds the provider, starts the mock Sinch API, and runs `terraform plan` and `apply` on
# examples/demo through a dev override in a temporary CLI configuration, then a second plan (no
# changes) and a destroy. Everything runs on this machine; everything is removed at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$repo_root"

require_go
terraform_env
terraform=$(find_terraform)

work=$(mktemp -d)
mock_pid=
cleanup() {
  [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Building the provider and the mock Sinch API"
go build -o "$work/plugins/terraform-provider-sinch" .
go build -o "$work/sinch-mock" ./cmd/sinch-mock

step "Starting the mock Sinch API on a loopback port"
"$work/sinch-mock" -projects demo-project -env-file "$work/mock.env" &
mock_pid=$!
for _ in $(seq 50); do [ -s "$work/mock.env" ] && break; sleep 0.1; done
[ -s "$work/mock.env" ] || die "the mock did not start"
set -a
source "$work/mock.env"
set +a

cat >"$work/terraformrc" <<HCL
provider_installation {
  dev_overrides {
    "terraform-sinch/sinch" = "$work/plugins"
  }
  direct {}
}
HCL
export TF_CLI_CONFIG_FILE="$work/terraformrc"
cp examples/demo/main.tf "$work/"
cd "$work"

step "terraform plan"
"$terraform" plan -input=false
step "terraform apply"
"$terraform" apply -input=false -auto-approve
step "terraform plan, again: nothing to change"
"$terraform" plan -input=false -detailed-exitcode
step "terraform destroy: the webhook is deleted; the callback secrets stay at Sinch, with a warning"
"$terraform" destroy -input=false -auto-approve

step "Done: the demo's files and the mock are removed"
