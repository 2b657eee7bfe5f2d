#!/usr/bin/env bash
# Runs one Dispatch node on loopback (gRPC h2c on Node:GrpcPort, default 5001; web on Node:HttpPort,
# default 5000). Extra arguments go to the node, e.g. scripts/run.sh --Node:GrpcPort=6001
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project src/Dispatch.Node -c Release -- "$@"
