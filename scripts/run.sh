#!/usr/bin/env bash
# Runs the local Dispatch platform on loopback: a district, a town and two villages (one process,
# four nodes, each with its own SQLite database under data/<node id>/ and the demo directory).
# Ports: district 5101 (gRPC) / 5100 (web), town 5201/5200, village-a 5301/5300, village-b 5401/5400.
# `scripts/run.sh --tls` (or DISPATCH_TLS=1) runs it fully encrypted: HTTPS on every port and mutual TLS
# between tiers, with a local CA and node certificates made by scripts/certs.sh into data/certs/ when missing;
# clients trust data/certs/ca.crt (dispatch login --ca, or DISPATCH_CA).
# `scripts/run.sh --single` runs one node instead (gRPC 5001, web 5000); extra arguments go to the
# node(s), e.g. scripts/run.sh --single --Node:GrpcPort=6001
set -euo pipefail
cd "$(dirname "$0")/.."
tls=${DISPATCH_TLS:-0}
if [ "${1:-}" = "--tls" ]; then
  tls=1
  shift
fi
if [ "${1:-}" = "--single" ]; then
  shift
  exec dotnet run --project src/Dispatch.Node -c Release -- "$@"
fi
cluster_args=(--cluster)
if [ "$tls" = 1 ]; then
  scripts/certs.sh data/certs
  cluster_args+=(--tls)
fi
exec dotnet run --project src/Dispatch.Node -c Release -- "${cluster_args[@]}" "$@"
