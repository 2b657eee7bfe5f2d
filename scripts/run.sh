#!/usr/bin/env bash
# Runs the local Dispatch platform on loopback: a district, a town and two villages (one process,
# four nodes, each with its own SQLite database under data/<node id>/ and the demo directory).
# Ports: district 5101 (gRPC) / 5100 (web), town 5201/5200, village-a 5301/5300, village-b 5401/5400.
# It builds first (Release; showing what it builds), then starts the nodes and prints one "Dispatch is ready" block
# with every node's addresses, dashboard URL and the demo users.
# `scripts/run.sh --tls` (or DISPATCH_TLS=1) runs it fully encrypted: HTTPS on every port and mutual TLS
# between tiers, with a local CA and node certificates made by scripts/certs.sh into data/certs/ when missing;
# clients trust data/certs/ca.crt (dispatch login --ca, or DISPATCH_CA).
# `scripts/run.sh --single` runs one node instead (gRPC 5001, web 5000); extra arguments go to the
# node(s), e.g. scripts/run.sh --single --Node:GrpcPort=6001
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
tls=${DISPATCH_TLS:-0}
if [ "${1:-}" = "--tls" ]; then
  tls=1
  shift
fi
node_args=(--cluster)
if [ "${1:-}" = "--single" ]; then
  shift
  node_args=()
fi

started=$SECONDS
if [ -f src/Dispatch.Node/bin/Release/net10.0/Dispatch.Node.dll ]; then
  echo "==> building the node (Release; up to date in about 20 s) ..."
else
  echo "==> building the node (Release; the first build restores packages and takes 2-4 minutes) ..."
fi
# The terminal logger shows each project as it builds; in a log or a pipe, one line per project.
if ! dotnet build src/Dispatch.Node -c Release -nologo -v q -tl:auto -clp:ErrorsOnly; then
  echo "==> the build failed (errors above)" >&2
  exit 1
fi
echo "==> built in $((SECONDS - started)) s; starting $([ ${#node_args[@]} -eq 0 ] && echo "one node" || echo "the district, the town and two villages") ..."
if [ "$tls" = 1 ] && [ ${#node_args[@]} -gt 0 ]; then
  scripts/certs.sh data/certs
  node_args+=(--tls)
fi
exec dotnet run --project src/Dispatch.Node -c Release --no-build -- "${node_args[@]}" "$@"
