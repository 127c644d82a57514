#!/usr/bin/env bash
# Runs every test of the project: vet, the client's and the mock's unit tests, and the provider's
# acceptance tests on the real Terraform CLI against the in-process mock of the Sinch API. Nothing
# reaches the internet. Extra arguments go to `go test` (for example -run TestAccCallbackConfiguration).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$repo_root"

require_go
# The tests run the docs' commands as they stand: the signature guide's snippets in each language, and
# the README's and the testing guide's shell commands (make, curl, git).
for tool in python3 node make curl git; do
  command -v "$tool" >/dev/null 2>&1 || die "the tests need $tool on PATH: they run the commands of README.md and docs/guides as they stand (Python and Node.js snippets, curl, make, git)"
done
terraform_env
TF_ACC_TERRAFORM_PATH=$(find_terraform)
export TF_ACC_TERRAFORM_PATH TF_ACC=1
if is_opentofu "$TF_ACC_TERRAFORM_PATH"; then
  export TF_ACC_PROVIDER_HOST=registry.opentofu.org
  echo "OpenTofu: its registry's host for the provider under test (TF_ACC_PROVIDER_HOST=$TF_ACC_PROVIDER_HOST)"
fi
echo "CLI under test: $("$TF_ACC_TERRAFORM_PATH" version | head -n 1) ($TF_ACC_TERRAFORM_PATH)"

go vet ./...

# Every test must run: a test that skips (say, one gated on a newer Terraform) fails the run, unless
# SINCH_TEST_ALLOW_SKIP=1 says an older CLI is under test on purpose. The exceptions, by name: the tests
# of resource identity (TestAccIdentity...), which an engine before 1.12 cannot run, and those of list
# resources and actions (TestAccQuery..., TestAccAction...), which need Terraform 1.14 (OpenTofu 1.12 has
# neither); .ci/run runs them all on Terraform 1.16.
log=$(mktemp)
trap 'rm -f "$log" "$log.tests"' EXIT
echo "go test -race of every package: the client, the mock, and the provider's acceptance tests, which run" \
  "the CLI against the mock (about 4 minutes once the build cache is warm)"
# go test -json streams each test's events as they come (-v holds a package's output back while another
# package runs). The filter writes the output, as -v prints it, to $log, and prints each package's outcome
# as it ends, and every 30 seconds how many tests have passed.
filter='
import json, sys, time
log, passed, shown = open(sys.argv[1], "w"), 0, time.time()
for line in sys.stdin:
    try:
        event = json.loads(line)
    except ValueError:  # not an event: a build error, say
        log.write(line)
        print(line, end="", flush=True)
        continue
    output = event.get("Output")
    if output is not None:
        log.write(output)
        if "Test" not in event and output.startswith(("ok ", "FAIL")):
            print(output, end="", flush=True)
    if event.get("Action") == "pass" and "Test" in event:
        passed += 1
    if time.time() - shown >= 30:
        print("  ... %d tests and subtests passed so far" % passed, flush=True)
        shown = time.time()
'
set +e
go test -race -count=1 -json "$@" ./... 2>&1 | python3 -u -c "$filter" "$log"
statuses=("${PIPESTATUS[@]}")
set -e
status=${statuses[0]}
[ "${statuses[1]}" -eq 0 ] || die "the filter of go test's output failed"
if [ "$status" -ne 0 ]; then
  grep -vE '^=== (RUN|PAUSE|CONT|NAME)' "$log"
  exit "$status"
fi
cp "$log" "$log.tests"
skipped=$(grep -E '^\s*--- SKIP' "$log" | grep -vE '^\s*--- SKIP: TestAcc(Identity|Query|Action)' || true)
if [ -n "$skipped" ] && [ "${SINCH_TEST_ALLOW_SKIP:-}" != 1 ]; then
  grep -B1 -A3 -E '^\s*--- SKIP' "$log"
  echo "error: $(echo "$skipped" | wc -l) test(s) skipped; run them with a newer CLI, or set SINCH_TEST_ALLOW_SKIP=1" >&2
  exit 1
fi

# Each fuzz target runs a fixed number of inputs (SINCH_FUZZ_TIME, default 200000x, about 10 s here; 0
# for none), from the seed corpora under testdata/fuzz. A count rather than a duration: Go 1.26's fuzzer
# can fail a duration run with a bare "context deadline exceeded" as the time runs out (golang/go#75804,
# fixed in Go 1.27), which would make the run flaky. A failure writes the input that broke it under
# testdata/fuzz, to commit with the fix.
fuzz_time=${SINCH_FUZZ_TIME:-200000x}
[ "$fuzz_time" = 0 ] && fuzz_targets="" || fuzz_targets=$(go test -list '^Fuzz' ./internal/client | grep '^Fuzz')
for target in $fuzz_targets; do
  echo "fuzzing $target for $fuzz_time"
  go test -run '^$' -fuzz "^$target\$" -fuzztime "$fuzz_time" ./internal/client >"$log" 2>&1 || { cat "$log"; exit 1; }
done

allowed=$(grep -cE '^\s*--- SKIP: TestAcc(Identity|Query|Action)' "$log.tests" || true)
[ "$allowed" -gt 0 ] && allowed=" (and $allowed of resource identity, list resources or actions, by name: this CLI cannot run them)" || allowed=""
echo "$(grep -cE '^\s*--- PASS' "$log.tests") tests and subtests passed, $(echo -n "$skipped" | grep -c . || true) skipped$allowed"
grep -E '^(ok|FAIL|\?) ' "$log.tests"
