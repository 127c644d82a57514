#!/usr/bin/env bash
# `make dev`: what trying the provider by hand against the mock takes, in one command a shell can eval:
#
#   eval "$(make -s dev)"
#
# It builds the provider and sinch-mock into .cache/dev; writes a Terraform CLI configuration whose dev
# override finds that provider (so `terraform init` is neither needed nor wanted: it would look the
# provider up in the registry); copies examples/demo into .cache/dev/demo; starts sinch-mock in the
# background (stopping the one an earlier `make dev` started); and prints, for the shell to eval, the
# mock's settings with TF_CLI_CONFIG_FILE, SINCH_DEV_DIR and SINCH_MOCK_PID. What it does, and what to
# do next, go to stderr.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$repo_root"
require_go

dir="$repo_root/.cache/dev"
mkdir -p "$dir"
if [ -s "$dir/mock.pid" ]; then
  kill "$(cat "$dir/mock.pid")" 2>/dev/null || true
  rm -f "$dir/mock.pid"
fi

echo "building the provider and sinch-mock into .cache/dev" >&2
go build -o "$dir/plugins/terraform-provider-sinch" . >&2
go build -o "$dir/sinch-mock" ./cmd/sinch-mock >&2
cat >"$dir/terraform.rc" <<HCL
provider_installation {
  dev_overrides {
    "terraform-sinch/sinch" = "$dir/plugins"
  }
  direct {}
}
HCL
rm -rf "$dir/demo"
mkdir -p "$dir/demo"
cp examples/demo/*.tf "$dir/demo/"

# In a session of its own, with no tie to this shell's output, so that eval returns and Ctrl-C in the
# shell leaves it running.
rm -f "$dir/mock.env"
detach=()
command -v setsid >/dev/null 2>&1 && detach=(setsid)
"${detach[@]}" nohup "$dir/sinch-mock" -projects demo-project -env-file "$dir/mock.env" \
  </dev/null >"$dir/mock.log" 2>&1 &
pid=$!
echo "$pid" >"$dir/mock.pid"
for _ in $(seq 100); do [ -s "$dir/mock.env" ] && break; sleep 0.1; done
[ -s "$dir/mock.env" ] || die "sinch-mock did not start; see $dir/mock.log"

cat "$dir/mock.env"
echo "export TF_CLI_CONFIG_FILE='$dir/terraform.rc' CHECKPOINT_DISABLE=1"
echo "export SINCH_DEV_DIR='$dir/demo' SINCH_MOCK_PID='$pid'"
cat >&2 <<TXT
sinch-mock serves the Sinch APIs for project demo-project (pid $pid); with the settings above exported:
  cd "\$SINCH_DEV_DIR" && terraform apply   # no terraform init: the dev override finds the provider
  curl "\$SINCH_MOCK_ADMIN_URL"              # the admin API: change a secret as in the dashboard
  kill "\$SINCH_MOCK_PID"                    # stop the mock
TXT
