#!/usr/bin/env bash
# Runs every test of the project: vet, the client's and the mock's unit tests, and the provider's
# acceptance tests on the real Terraform CLI against the in-process mock of the Sinch API. Nothing
# reaches the internet. Extra arguments go to `go test` (for example -run TestAccCallbackConfiguration).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$repo_root"

require_go
terraform_env
TF_ACC_TERRAFORM_PATH=$(find_terraform)
export TF_ACC_TERRAFORM_PATH TF_ACC=1
if is_opentofu "$TF_ACC_TERRAFORM_PATH"; then
  export TF_ACC_PROVIDER_HOST=registry.opentofu.org
fi
echo "CLI under test: $("$TF_ACC_TERRAFORM_PATH" version | head -n 1) ($TF_ACC_TERRAFORM_PATH)"

go vet ./...
go test -race -count=1 "$@" ./...
