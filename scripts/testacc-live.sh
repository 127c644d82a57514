#!/usr/bin/env bash
# `make testacc-live`: the acceptance tests of every resource type against a real Sinch project, through
# the real CLI. It needs, in the environment:
#   SINCH_KEY_ID, SINCH_KEY_SECRET   an access key of the project's account
#   SINCH_PROJECT_ID                 the project whose callback secrets the run changes, and puts back
#   SINCH_CONVERSATION_APP_ID        a Conversation API app on which the run makes webhooks, and deletes them
# and, as the provider reads them, SINCH_CONVERSATION_REGION (us by default) and any *_URL setting. It
# refuses to start without them. See the README for what it changes while it runs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$repo_root"

require_go
missing=()
for name in SINCH_KEY_ID SINCH_KEY_SECRET SINCH_PROJECT_ID SINCH_CONVERSATION_APP_ID; do
  [ -n "${!name:-}" ] || missing+=("$name")
done
[ ${#missing[@]} -eq 0 ] ||
  die "testacc-live needs ${missing[*]} in the environment: it changes the callback secrets of SINCH_PROJECT_ID (and puts them back) and makes webhooks on SINCH_CONVERSATION_APP_ID (and deletes them); see the README"
terraform_env
TF_ACC_TERRAFORM_PATH=$(find_terraform)
export TF_ACC_TERRAFORM_PATH
echo "CLI under test: $("$TF_ACC_TERRAFORM_PATH" version | head -n 1)"
# -p 1 and no -parallel: one project, one app, so the tests take their turns.
go test -tags live -count=1 -p 1 -timeout 30m -v "$@" ./internal/livetest
