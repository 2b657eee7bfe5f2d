#!/usr/bin/env bash
# Unary gRPC throughput of the Dispatch runtime against the grpc-go echo anchor (shared/anchors), both
# loaded by h2load in the same run, then a client-side figure from our own GrpcChannel. Loopback only.
# Prints a results block and appends it to scripts/bench-results.md.
# Environment: REQUESTS (200000), WARMUP_REQUESTS (300000), ROUNDS (3), CLIENT_CONCURRENCY (16),
# CLIENT_DURATION (10 s), CLIENT_WARMUP (5 s), SHARED_DIR (the repository's ../shared).
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

requests=${REQUESTS:-200000}
warmup_requests=${WARMUP_REQUESTS:-300000}
rounds=${ROUNDS:-3}
client_concurrency=${CLIENT_CONCURRENCY:-16}
client_duration=${CLIENT_DURATION:-10}
client_warmup=${CLIENT_WARMUP:-5}
work=$top/artifacts/bench
command_line="scripts/bench-grpc.sh (REQUESTS=$requests WARMUP_REQUESTS=$warmup_requests ROUNDS=$rounds"
command_line+=" CLIENT_CONCURRENCY=$client_concurrency CLIENT_DURATION=$client_duration CLIENT_WARMUP=$client_warmup)"

# shellcheck source=scripts/bench-anchor-common.sh
source scripts/bench-anchor-common.sh
mkdir -p "$work"
echo "publishing the bench app..."
dotnet publish tests/Dispatch.Grpc.Bench -c Release --disable-build-servers -o "$work/bench" -nologo -v q -tl:off -clp:ErrorsOnly >/dev/null

ours_pid=
stop_servers() {
  [ -z "$ours_pid" ] || kill "$ours_pid" 2>/dev/null || true
  anchor_stop
  wait 2>/dev/null || true
}
trap stop_servers EXIT

ours_port=$(free_port)
dotnet "$work/bench/Dispatch.Grpc.Bench.dll" server --port "$ours_port" >"$work/ours.log" 2>&1 &
ours_pid=$!
anchor_start
wait_for_port "$ours_port"
load() { anchor_load "$@"; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "warming up both servers ($warmup_requests requests each)..."
load "$ours_port" "$warmup_requests" >/dev/null
load "$anchor_port" "$warmup_requests" >/dev/null

# Server allocations per call over the measured rounds: GET /stats answers "calls allocated-bytes".
stats() { curl -s --http2-prior-knowledge "http://127.0.0.1:$ours_port/stats"; }
read -r calls_before bytes_before <<<"$(stats)"

ours=()
anchor=()
for round in $(seq "$rounds"); do
  echo "round $round of $rounds..."
  ours+=("$(load "$ours_port" "$requests")")
  anchor+=("$(load "$anchor_port" "$requests")")
done
read -r calls_after bytes_after <<<"$(stats)"
alloc_per_call=$(awk -v b=$((bytes_after - bytes_before)) -v c=$((calls_after - calls_before)) 'BEGIN { printf "%.0f", b / c }')
ours_median=$(median "${ours[@]}")
anchor_median=$(median "${anchor[@]}")
ratio=$(awk -v a="$ours_median" -v b="$anchor_median" 'BEGIN { printf "%.2f", a / b }')

echo "client mode against our server..."
client=$(dotnet "$work/bench/Dispatch.Grpc.Bench.dll" client --address "http://127.0.0.1:$ours_port" \
  --concurrency "$client_concurrency" --duration "$client_duration" --warmup "$client_warmup")

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain)" ] || commit+=" + uncommitted changes"
block=$(cat <<BLOCK
### $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit
- command: \`$command_line\`
- machine: $(nproc) cores, .NET SDK $(dotnet --version), $(go version | awk '{ print $3 }'), h2load $(h2load --version | awk '{ print $2; exit }')
- load: \`h2load -n $requests -c 16 -m 10 -t 1\`, unary /bench.Echo/Call, 16-byte message, both servers warmed up with $warmup_requests requests, $rounds alternating rounds

| server | req/s (median) | rounds |
|---|---|---|
| Dispatch.Grpc (Kestrel) | $ours_median | ${ours[*]} |
| grpc-go echo anchor | $anchor_median | ${anchor[*]} |

- ratio ours/anchor: **$ratio**
- our server allocated $alloc_per_call bytes per call over the measured rounds (whole process: Kestrel, routing, runtime, the 16-byte message)
- our GrpcChannel against our server: ${client#client: }
BLOCK
)
printf '\n%s\n' "$block"
results=scripts/bench-results.md
[ -f "$results" ] || printf '# gRPC benchmark results\n\nAppended by scripts/bench-grpc.sh, newest last.\n' >"$results"
printf '\n%s\n' "$block" >>"$results"
