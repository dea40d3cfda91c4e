#!/usr/bin/env bash
# Runs the whole test suite: unit tests, and integration tests against real anvil chains, Azurite
# and silo processes that the tests start and stop themselves. Installs what it needs first.
# Ends with the line "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
scripts/install-tools.sh || exit 1
if ! command -v docker-compose >/dev/null; then
  # The compose file is validated by docker-compose (no Docker engine needed).
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq docker-compose) >/dev/null 2>&1 || echo "warning: could not install docker-compose"
  fi
fi
results="$PWD/TestResults"
rm -rf "$results"
dotnet build MarginBridge.sln --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
dotnet test MarginBridge.sln --nologo --no-build --logger trx --results-directory "$results" -- RunConfiguration.TestSessionTimeout=1500000
status=$?
node scripts/count-results.mjs "$results"
counted=$?
if [[ $status -ne 0 || $counted -ne 0 ]]; then exit 1; fi
