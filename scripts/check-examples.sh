#!/usr/bin/env bash
# Validates every example against the provider built from this tree: examples/ is copied apart, and
# each of its folders that holds .tf or .tfquery.hcl files is run through `terraform validate -query`
# there (so that a module beside it, such as examples/guides/handler, resolves; `get` first where a
# folder calls a module), with the provider found through a dev override (under both the registry address
# and the implicit hashicorp/sinch). A resource's import examples (import-*.tf) name the same resources
# each, so each is validated beside resource.tf on its own. The CLI is one with resource identity, list
# resources and actions (Terraform 1.14 or later), which the examples use.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$repo_root"

require_go
terraform_env
cli=$(find_terraform_newest)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/plugins/terraform-provider-sinch" .
cat >"$work/cli.tfrc" <<HCL
provider_installation {
  dev_overrides {
    "terraform-sinch/sinch" = "$work/plugins"
    "hashicorp/sinch"       = "$work/plugins"
  }
  direct {}
}
HCL
export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
cp -r examples "$work/examples"

# Each resource's import examples go apart: a folder of their own beside resource.tf.
for dir in "$work"/examples/resources/*; do
  for example in "$dir"/import-*.tf; do
    [ -e "$example" ] || continue
    apart="$dir/$(basename "$example" .tf)"
    mkdir "$apart"
    cp "$dir/resource.tf" "$apart/"
    mv "$example" "$apart/"
  done
done

failed=0
count=0
while IFS= read -r dir; do
  count=$((count + 1))
  # A folder that calls a local module needs `get` to find it (init would look up the provider too).
  get=true
  grep -qs "^module " "$work/$dir"/*.tf && get=("$cli" get -no-color)
  if out=$(cd "$work/$dir" && "${get[@]}" >/dev/null && "$cli" validate -query -no-color 2>&1); then
    echo "valid: $dir"
  else
    echo "INVALID: $dir"
    echo "$out" | sed 's/^/    /'
    failed=1
  fi
done < <(cd "$work" && find examples \( -name '*.tf' -o -name '*.tfquery.hcl' \) -printf '%h\n' | sort -u)
[ "$count" -gt 0 ] || die "no examples found"
[ "$failed" -eq 0 ] || die "some examples do not validate"
echo "$count example folders validate with $("$cli" version | head -n 1)"
