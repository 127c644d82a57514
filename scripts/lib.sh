# Shared by the project's scripts: sourced, not run.

# The OpenTofu version built from the Go module proxy: for the second engine in CI, and in place of
# Terraform where none is installed.
OPENTOFU_VERSION=1.12.6
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
# terraform on PATH, else OpenTofu built from its source on the Go module proxy into .cache/ (once,
# about 5 minutes on 2 cores). Terraform itself cannot be built that way: its module lacks its
# nested modules.
find_terraform() {
  if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ]; then
    [ -x "$TF_ACC_TERRAFORM_PATH" ] || die "TF_ACC_TERRAFORM_PATH=$TF_ACC_TERRAFORM_PATH is not an executable"
    echo "$TF_ACC_TERRAFORM_PATH"
  elif command -v terraform >/dev/null 2>&1; then
    command -v terraform
  else
    echo "terraform is not on PATH: using OpenTofu $OPENTOFU_VERSION instead" >&2
    find_opentofu
  fi
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

# is_opentofu CLI tells whether a CLI is OpenTofu, which plugin-testing must be told of.
is_opentofu() {
  "$1" version 2>/dev/null | head -n 1 | grep -q '^OpenTofu'
}

# require_terraform_for_docs: tfplugindocs runs `terraform init` against registry.terraform.io
# addresses, which OpenTofu does not resolve, so generating the docs needs Terraform itself.
require_terraform_for_docs() {
  command -v terraform >/dev/null 2>&1 && ! is_opentofu "$(command -v terraform)" ||
    die "generating docs/ needs Terraform >= 1.11 on PATH (https://developer.hashicorp.com/terraform/install); OpenTofu will not do for tfplugindocs"
}

# build_go_module_command MODULE VERSION PACKAGE DEST LDFLAGS builds a command of a module fetched
# through the Go module proxy. The module cache is read-only, so the source is copied out first.
build_go_module_command() {
  local module=$1 version=$2 package=$3 dest=$4 ldflags=$5
  local dir src
  dir=$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || return 1
  src=$(mktemp -d)
  cp -r "$dir/." "$src"
  chmod -R u+w "$src"
  mkdir -p "$(dirname "$dest")"
  (cd "$src" && go build -trimpath -ldflags "$ldflags" -o "$dest" "$package")
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
