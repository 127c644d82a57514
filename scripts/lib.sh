# Shared by the project's scripts: sourced, not run.

# The Terraform version built from the Go module proxy when none is installed.
TERRAFORM_FALLBACK_VERSION=1.11.4

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

# find_terraform prints the path of the Terraform CLI to use: TF_ACC_TERRAFORM_PATH, else terraform on
# PATH, else Terraform built from its source on the Go module proxy into .cache/ (once, a few minutes).
find_terraform() {
  if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ]; then
    [ -x "$TF_ACC_TERRAFORM_PATH" ] || die "TF_ACC_TERRAFORM_PATH=$TF_ACC_TERRAFORM_PATH is not an executable"
    echo "$TF_ACC_TERRAFORM_PATH"
    return
  fi
  if command -v terraform >/dev/null 2>&1; then
    command -v terraform
    return
  fi
  local dest="$repo_root/.cache/terraform-$TERRAFORM_FALLBACK_VERSION/terraform"
  if [ ! -x "$dest" ]; then
    echo "terraform is not on PATH: building Terraform $TERRAFORM_FALLBACK_VERSION from the Go module proxy into .cache/ (once, a few minutes)" >&2
    build_go_module_command github.com/hashicorp/terraform "v$TERRAFORM_FALLBACK_VERSION" . "$dest" "-s -w" >&2 ||
      die "could not build Terraform; install Terraform >= 1.11 (https://developer.hashicorp.com/terraform/install) and retry"
  fi
  echo "$dest"
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
