#!/usr/bin/env bash
# Installs the browser libraries that kg serve embeds, from the npm registry,
# and copies their built files into cmd/kg/internal/serve/web/vendor/, where
# go:embed puts them into the binary (so kg serve works offline, and a fresh
# clone builds with go alone: the copies are committed).
#
#   bash .ci/web.sh           # install (npm ci, versions pinned by
#                             # package-lock.json) and copy
#   bash .ci/web.sh --check   # install, and fail if the committed copies
#                             # differ from what the registry serves
#
# To move to a new version: edit package.json, run `npm install
# --ignore-scripts` in that folder (it rewrites package-lock.json), then this
# script, and commit the three files and vendor/. npm comes from Debian's
# packages when missing.
set -euo pipefail
cd "$(dirname "$0")/../cmd/kg/internal/serve/web"

check=false
[ "${1:-}" = "--check" ] && check=true

if ! command -v npm >/dev/null 2>&1; then
  echo "web.sh: installing npm from Debian's packages" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
fi

# Install into a scratch folder, so the working tree gets no node_modules.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp package.json package-lock.json "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)

# file in the package -> file in vendor/
files=(
  "cytoscape/dist/cytoscape.min.js vendor/cytoscape.min.js"
  "cytoscape/LICENSE vendor/cytoscape.LICENSE"
)
status=0
mkdir -p vendor
for pair in "${files[@]}"; do
  from="$work/node_modules/${pair% *}"
  to="${pair#* }"
  if $check; then
    if ! cmp -s "$from" "$to"; then
      echo "web.sh: $to differs from ${pair% *} of the pinned package; run bash .ci/web.sh and commit" >&2
      status=1
    fi
  else
    cp "$from" "$to"
  fi
done
if $check && [ $status -eq 0 ]; then
  echo "web.sh: vendor/ matches the pinned packages ($(node -p 'require("'"$work"'/node_modules/cytoscape/package.json").version' 2>/dev/null || echo '?'))" >&2
fi
exit $status
