#!/usr/bin/env bash
# The README's dashboard screenshots (docs/dashboard/*.png): against the local platform that scripts/run.sh runs on
# its default ports (start it first, on a fresh data/ folder), a grid worker reports three cases at village-a, its
# dispatcher accepts one and escalates another to the town, and headless Debian chromium (scripts/install-deps.sh)
# captures the pages. Loopback only.
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"
scripts/install-deps.sh
dotnet run --project tests/Dispatch.Node.Bench -c Release -- dashboard-tour --out "${OUT:-docs/dashboard}"
