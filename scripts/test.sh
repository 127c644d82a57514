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

# Every test must run: a test that skips (say, one gated on a newer Terraform) fails the run, unless
# SINCH_TEST_ALLOW_SKIP=1 says an older CLI is under test on purpose.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
go test -race -count=1 -v "$@" ./... >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  grep -vE '^=== (RUN|PAUSE|CONT|NAME)' "$log"
  exit "$status"
fi
skipped=$(grep -E '^\s*--- SKIP' "$log" || true)
if [ -n "$skipped" ] && [ "${SINCH_TEST_ALLOW_SKIP:-}" != 1 ]; then
  grep -B1 -A3 -E '^\s*--- SKIP' "$log"
  echo "error: $(echo "$skipped" | wc -l) test(s) skipped; run them with a newer CLI, or set SINCH_TEST_ALLOW_SKIP=1" >&2
  exit 1
fi
echo "$(grep -cE '^\s*--- PASS' "$log") tests and subtests passed, $(echo -n "$skipped" | grep -c . || true) skipped"
grep -E '^(ok|FAIL|\?) ' "$log"
