#!/usr/bin/env bash
# The test command: installs what the tests need, builds the solution, starts a private PostgreSQL server
# (scripts/postgres.sh), checks the gRPC contract with buf (scripts/contract-check.py), runs every test project with
# a trx logger, lists the failures and ends with one line "N passed, N failed" (totals over all test projects and
# the two contract checks). Exits non-zero when the build
# fails, a test fails or a test run is aborted.
set -euo pipefail
cd "$(dirname "$0")/.."

results=artifacts/test-results
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scripts/install-deps.sh

# Build first so that compiler errors are shown alone and the test run reports only tests.
if ! dotnet build Dispatch.sln -c Release -nologo -v q -tl:off -clp:ErrorsOnly; then
  echo "build failed (errors above)" >&2
  exit 1
fi

# The PostgreSQL tests need a server: start the private one (installing it if missing) unless the caller
# named one in DISPATCH_TEST_POSTGRES; stop it on exit if this script started it.
if [ -z "${DISPATCH_TEST_POSTGRES:-}" ]; then
  if ! scripts/postgres.sh status >/dev/null; then
    trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
  fi
  DISPATCH_TEST_POSTGRES=$(scripts/postgres.sh start)
  export DISPATCH_TEST_POSTGRES
fi

rm -rf "$results"
mkdir -p "$results"
# The contract's checks (buf lint, buf breaking against the previous commit) count as two tests in the summary.
contract=0
/usr/bin/python3 scripts/contract-check.py "$results" || contract=$?
# A test that hangs for 10 minutes aborts its run (reported below) instead of stalling CI.
status=0
dotnet test Dispatch.sln -c Release --no-build -tl:off \
  --results-directory "$results" --logger "trx;LogFilePrefix=tests" \
  --blame-hang-timeout 10m --blame-hang-dump-type none || status=$?

echo
summary=0
/usr/bin/python3 scripts/trx-summary.py "$results" || summary=$?
if [ "$status" -ne 0 ] && [ "$summary" -eq 0 ]; then
  echo "dotnet test exited with status $status although every reported test passed" >&2
fi
if [ "$status" -ne 0 ] || [ "$summary" -ne 0 ] || [ "$contract" -ne 0 ]; then
  exit 1
fi
