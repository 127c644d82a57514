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

# Colours only on a terminal: a log of `make demo > demo.log` holds plain text.
if [ -t 1 ]; then
  step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
else
  step() { printf '\n==> %s\n' "$*"; }
  export TF_CLI_ARGS=-no-color
fi

step "Building the mock Sinch API and starting it on a loopback port"
start_mock -projects demo-project
# The mock's settings, as `make dev` prints them for a shell, its secrets hidden: a log keeps no secret,
# not even the mock's.
sed -E "s/^(export [A-Z_]*SECRET=).*/\1'(hidden)'/" "$work/mock.log"

step "Building the provider"
go build -o "$work/plugins/terraform-provider-sinch" .

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
step "terraform destroy: the webhooks are deleted; the callback secrets, the Voice application's URLs and the number's configuration stay at Sinch, with a warning"
"$terraform" destroy -input=false -auto-approve

step "Stopping the mock: what it served"
kill "$mock_pid" && wait "$mock_pid" 2>/dev/null || true
mock_pid=
tail -n 1 "$work/mock.log"

step "Done: the demo's files and the mock are removed"
