#!/usr/bin/env bash
# The local devnet: Azurite, four anvil chains (L1, optimistic, zk, app-chain), the contracts, an
# Orleans silo cluster with the REST API and dashboard, and a demo deposit flow. Ctrl-C stops it all.
# Options go to `mb devnet`, e.g. ./devnet.sh --silos 3
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-tools.sh
dotnet build src/MarginBridge.Cli --nologo -v quiet
exec src/MarginBridge.Cli/bin/Debug/net10.0/mb devnet "$@"
