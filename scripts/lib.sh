# Shared by the project's scripts: sourced, not run.

# The OpenTofu version built from the Go module proxy: for the second engine in CI, and in place of
# Terraform where none is installed.
OPENTOFU_VERSION=1.12.6
# The Terraform release built from the Go module proxy, for the engine of the tests that has resource
# identity (Terraform 1.12 and later), list resources and actions (1.14 and later); the one on PATH may
# be older.
TERRAFORM_RELEASE=1.16.4
# Pinned development tools, installed from the Go module proxy into .cache/tools on first use.
GOLANGCI_LINT_VERSION=v2.15.0
GORELEASER_VERSION=v2.15.1

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() {
  echo "error: $*" >&2
  exit 1
}

require_go() {
  command -v go >/dev/null 2>&1 || die "Go is required (https://go.dev/doc/install); see go.mod for the version."
}

# Every Terraform run of the project: no update check, and a CLI configuration of our own, since a
# TF_CLI_CONFIG_FILE pointing at a missing file makes Terraform warn (and OpenTofu's warning breaks
# plugin-testing's version parsing).
terraform_env() {
  export CHECKPOINT_DISABLE=1
  unset TF_CLI_CONFIG_FILE
}

# find_terraform prints the path of the CLI that runs the acceptance tests: TF_ACC_TERRAFORM_PATH, else
# terraform on PATH, else Terraform $TERRAFORM_RELEASE built from its source on the Go module proxy into
# .cache/ (once, about 5 minutes on 2 cores; see find_terraform_release).
find_terraform() {
  if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ]; then
    [ -x "$TF_ACC_TERRAFORM_PATH" ] || die "TF_ACC_TERRAFORM_PATH=$TF_ACC_TERRAFORM_PATH is not an executable"
    echo "$TF_ACC_TERRAFORM_PATH"
  elif command -v terraform >/dev/null 2>&1; then
    command -v terraform
  else
    echo "terraform is not on PATH: using Terraform $TERRAFORM_RELEASE built from its source instead" >&2
    find_terraform_release
  fi
}

# find_terraform_release prints the path of Terraform $TERRAFORM_RELEASE, building it into .cache/ if
# needed. Its module on the proxy cannot be built as it is: its go.mod replaces the remote-state
# backends' modules (and a legacy one they use) with folders that the module's zip leaves out. The
# build copy drops those modules, from go.mod and from the backends' registry in
# internal/backend/init/init.go: local state is all the tests use.
find_terraform_release() {
  local dest="$repo_root/.cache/terraform-v$TERRAFORM_RELEASE/terraform"
  if [ ! -x "$dest" ]; then
    echo "building Terraform $TERRAFORM_RELEASE from the Go module proxy into .cache/ (once, about 5 minutes)" >&2
    build_go_module_command github.com/hashicorp/terraform "v$TERRAFORM_RELEASE" . "$dest" \
      "-s -w -X 'github.com/hashicorp/terraform/version.dev=no'" cut_remote_state_backends >&2 ||
      die "could not build Terraform $TERRAFORM_RELEASE from the Go module proxy"
  fi
  echo "$dest"
}

# cut_remote_state_backends edits Terraform's source, in the current folder, as find_terraform_release
# says. It fails when the source is not as expected, rather than build something else.
cut_remote_state_backends() {
  local backends='azure|consul|cos|gcs|kubernetes|oss|pg|s3|oci' init=internal/backend/init/init.go
  grep -qE "internal/backend/remote-state/($backends)" go.mod "$init" || return 1
  sed -i -E "/internal\/backend\/remote-state\/($backends)\b/d; /internal\/legacy\b/d" go.mod "$init"
  sed -i -E "/^[[:space:]]*\"(azurerm|consul|cos|gcs|kubernetes|oss|pg|s3|oci)\":[[:space:]]+func\(\) backend\.Backend/d" "$init"
}

# find_opentofu prints the path of OpenTofu $OPENTOFU_VERSION, building it into .cache/ if needed.
find_opentofu() {
  local dest="$repo_root/.cache/opentofu-v$OPENTOFU_VERSION/tofu"
  if [ ! -x "$dest" ]; then
    echo "building OpenTofu $OPENTOFU_VERSION from the Go module proxy into .cache/ (once, about 5 minutes)" >&2
    build_go_module_command github.com/opentofu/opentofu "v$OPENTOFU_VERSION" ./cmd/tofu "$dest" \
      "-s -w -X 'github.com/opentofu/opentofu/version.dev=no'" >&2 ||
      die "could not build OpenTofu; install Terraform >= 1.11 (https://developer.hashicorp.com/terraform/install) and retry"
  fi
  echo "$dest"
}

# is_opentofu CLI tells whether a CLI is OpenTofu, which plugin-testing must be told of: a line of its
# version starts with "OpenTofu" (a warning about the CLI configuration may come first). The output is
# read whole first: in a pipe into head or grep -q, the CLI could die of SIGPIPE once they stop reading,
# and under pipefail the answer would then depend on timing.
is_opentofu() {
  local out
  out=$("$1" version 2>/dev/null) || return 1
  [[ $'\n'$out == *$'\n'OpenTofu\ v* ]]
}

# find_terraform_newest prints the path of a Terraform with everything the provider's types use: resource
# identity (1.12 or later), list resources and actions (1.14 or later). The one on PATH if it has them,
# else Terraform $TERRAFORM_RELEASE built from its source.
find_terraform_newest() {
  local path version
  if path=$(command -v terraform) && ! is_opentofu "$path"; then
    version=$("$path" version -json | sed -n 's/.*"terraform_version": *"\([0-9.]*\)".*/\1/p')
    if [ "$(printf '%s\n1.14.0\n' "$version" | sort -V | head -n 1)" = 1.14.0 ]; then
      echo "$path"
      return
    fi
  fi
  echo "Terraform on PATH is not 1.14 or later: using Terraform $TERRAFORM_RELEASE built from its source" >&2
  find_terraform_release
}

# terraform_for_docs puts on PATH a Terraform for tfplugindocs: Terraform itself (it runs `terraform`
# against registry.terraform.io addresses, which OpenTofu does not resolve), with identity, list
# resources and actions (the pages show each resource's identity schema, and the list resources' and
# actions' pages exist only then), see find_terraform_newest.
terraform_for_docs() {
  PATH="$(dirname "$(find_terraform_newest)"):$PATH"
  export PATH
}

# build_go_module_command MODULE VERSION PACKAGE DEST LDFLAGS [EDIT] builds a command of a module
# fetched through the Go module proxy, after running EDIT (a function) in its source. The module cache
# is read-only, so the source is copied out first.
build_go_module_command() {
  local module=$1 version=$2 package=$3 dest=$4 ldflags=$5 edit=${6:-true}
  local dir src
  dir=$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || return 1
  src=$(mktemp -d)
  cp -r "$dir/." "$src"
  chmod -R u+w "$src"
  mkdir -p "$(dirname "$dest")"
  (cd "$src" && "$edit" && go build -trimpath -ldflags "$ldflags" -o "$dest" "$package")
  local status=$?
  rm -rf "$src"
  return $status
}

# go_tool NAME MODULE/PACKAGE VERSION prints the path of a pinned tool, installing it into .cache/tools
# on first use (golangci-lint and goreleaser have dependency trees of their own, kept out of go.mod).
go_tool() {
  local name=$1 package=$2 version=$3
  local dir="$repo_root/.cache/tools/$name-$version"
  if [ ! -x "$dir/$name" ]; then
    echo "installing $name $version into .cache/tools (once, a few minutes)" >&2
    GOBIN="$dir" go install "$package@$version" >&2 || die "could not install $name $version from the Go module proxy"
  fi
  echo "$dir/$name"
}

# start_mock FLAG...: builds sinch-mock into a new temporary folder ($work), starts it there in the
# background with the flags, and exports the settings it writes (SINCH_*, SINCH_MOCK_ADMIN_URL). When the
# script exits, the mock is stopped and $work removed (this is the script's EXIT trap). Its output is in
# $work/mock.log; $mock_pid is its process.
start_mock() {
  work=$(mktemp -d)
  mock_pid=
  trap '[ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null; rm -rf "$work"' EXIT
  go build -o "$work/sinch-mock" ./cmd/sinch-mock
  "$work/sinch-mock" "$@" -env-file "$work/mock.env" >"$work/mock.log" 2>&1 &
  mock_pid=$!
  for _ in $(seq 100); do [ -s "$work/mock.env" ] && break; sleep 0.1; done
  [ -s "$work/mock.env" ] || die "sinch-mock did not start: $(cat "$work/mock.log")"
  set -a
  source "$work/mock.env"
  set +a
}
