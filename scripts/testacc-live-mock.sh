#!/usr/bin/env bash
# `make testacc-live-mock`: proves the live harness (scripts/testacc-live.sh) against the standalone
# sinch-mock taken for Sinch, its URLs in the same settings: a run passes and leaves the project as it
# found it; so does a run that fails after it changed a secret, and one interrupted with Ctrl-C (SIGINT)
# while it runs. "As it found it": each API's secret, and no webhook left on the app, read through the
# mock's admin API before and after.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$repo_root"

require_go
command -v curl >/dev/null 2>&1 || die "testacc-live-mock needs curl"
start_mock -projects live-project -apps live-app -initial-secret saved-before-the-run-5e0c7d4b
export SINCH_CONVERSATION_APP_ID=live-app
state() { curl -fsS "$SINCH_MOCK_ADMIN_URL/projects/live-project"; }
before=$(state)
grep -q '"webhooks":\[\]' <<<"$before" || die "the mock's app has webhooks before the run: $before"

expect_restored() {
  local after
  after=$(state)
  [ "$after" = "$before" ] || die "$1: the project is not as the run found it: before $before, after $after"
  echo "testacc-live-mock: $1: the project is as the run found it"
}

echo "==> a run that passes"
bash scripts/testacc-live.sh
expect_restored "a run that passes"

echo "==> a run that fails after changing a secret"
if SINCH_LIVE_FAIL_AFTER_CHANGE=1 bash scripts/testacc-live.sh -run 'TestLive_callbackConfigurations' >"$work/failed.log" 2>&1; then
  cat "$work/failed.log"
  die "the run that was to fail passed"
fi
grep -q "failed on purpose" "$work/failed.log" || { cat "$work/failed.log"; die "the run failed, but not where it was to"; }
expect_restored "a run that fails"

echo "==> a run interrupted with SIGINT"
# Built apart and run as a job of its own, so that SIGINT reaches the test binary and the Terraform it
# runs at once, as Ctrl-C in a terminal does.
go test -tags live -c -o "$work/livetest" ./internal/livetest
terraform_env
cli=$(find_terraform)
set -m
cd internal/livetest # where go test runs it
TF_ACC_TERRAFORM_PATH=$cli "$work/livetest" -test.run 'TestLive_conversationWebhook' -test.v >"$work/interrupted.log" 2>&1 &
run_pid=$!
cd "$repo_root"
set +m
for _ in $(seq 300); do
  [[ $(curl -fsS "$SINCH_MOCK_ADMIN_URL/projects/live-project") == *'"webhooks":[{'* ]] && break
  sleep 0.1
done
kill -INT -- "-$run_pid"
wait "$run_pid" && { cat "$work/interrupted.log"; die "the interrupted run passed"; }
grep -q "interrupted: putting the project back" "$work/interrupted.log" || { cat "$work/interrupted.log"; die "the run was not interrupted while it ran"; }
expect_restored "a run interrupted with SIGINT"
