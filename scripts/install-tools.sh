#!/usr/bin/env bash
# Installs the pinned npm tools (anvil, cast, Azurite, solc) from tools/package-lock.json when missing or stale.
set -euo pipefail
tools="$(cd "$(dirname "$0")/../tools" && pwd)"
stamp="$tools/node_modules/.package-lock.json"
if [[ ! -f "$stamp" || "$tools/package-lock.json" -nt "$stamp" || ! -x "$tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" ]]; then
  echo "Installing pinned tools into $tools/node_modules"
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
fi
