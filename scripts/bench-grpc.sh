#!/usr/bin/env bash
# Unary gRPC throughput of our grpc-dotnet echo server (Grpc.AspNetCore on Kestrel, tests/Dispatch.Grpc.Bench)
# against the grpc-go echo anchor (shared/anchors), both loaded by h2load in the same run in alternating
# rounds (anchor, ours, anchor, ours, ...), then a client-side figure through a GrpcChannel. Loopback only.
# Prints req/s per round, the per-round ratio ours/anchor and its median, and allocations per call on our
# server; appends a results block to scripts/bench-results.md.
# Environment: REQUESTS (200000), WARMUP_REQUESTS (300000), ROUNDS (3, at least 3), CLIENT_CONCURRENCY (16),
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
[ "$rounds" -ge 3 ] 2>/dev/null || { echo "ROUNDS must be a number >= 3, not '$rounds'" >&2; exit 2; }
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

# median DECIMALS VALUE...
median() {
  local decimals=$1
  shift
  printf '%s\n' "$@" | sort -g | awk -v d="$decimals" '{ v[NR] = $1 }
    END { printf "%.*f", d, (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "warming up both servers ($warmup_requests requests each)..."
load "$anchor_port" "$warmup_requests" >/dev/null
load "$ours_port" "$warmup_requests" >/dev/null

# Server allocations per call over the measured rounds: GET /stats answers "calls allocated-bytes".
stats() { curl -s --http2-prior-knowledge "http://127.0.0.1:$ours_port/stats"; }
read -r calls_before bytes_before <<<"$(stats)"

# Alternating rounds, the anchor first in each, so that both see the same share of whatever else the
# machine is doing; the ratio is taken per round (the two loads of a round are seconds apart).
ours=()
anchor=()
ratios=()
round_rows=
for round in $(seq "$rounds"); do
  anchor+=("$(load "$anchor_port" "$requests")")
  ours+=("$(load "$ours_port" "$requests")")
  ratios+=("$(awk -v a="${ours[-1]}" -v b="${anchor[-1]}" 'BEGIN { printf "%.2f", a / b }')")
  printf 'round %s of %s: anchor %.0f req/s, ours %.0f req/s, ours/anchor %s\n' \
    "$round" "$rounds" "${anchor[-1]}" "${ours[-1]}" "${ratios[-1]}"
  round_rows+=$(printf '| %s | %.0f | %.0f | %s |' "$round" "${anchor[-1]}" "${ours[-1]}" "${ratios[-1]}")$'\n'
done
read -r calls_after bytes_after <<<"$(stats)"
alloc_per_call=$(awk -v b=$((bytes_after - bytes_before)) -v c=$((calls_after - calls_before)) 'BEGIN { printf "%.0f", b / c }')
ours_median=$(median 0 "${ours[@]}")
anchor_median=$(median 0 "${anchor[@]}")
ratio=$(median 2 "${ratios[@]}")

echo "client mode against our server..."
client=$(dotnet "$work/bench/Dispatch.Grpc.Bench.dll" client --address "http://127.0.0.1:$ours_port" \
  --concurrency "$client_concurrency" --duration "$client_duration" --warmup "$client_warmup")

grpc_version() { sed -n 's/.*"Grpc.AspNetCore" Version="\([^"]*\)".*/\1/p' Directory.Packages.props; }
commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain)" ] || commit+=" + uncommitted changes"
block=$(cat <<BLOCK
### $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit
- command: \`$command_line\`
- machine: $(nproc) cores, .NET SDK $(dotnet --version), $(go version | awk '{ print $3 }'), h2load $(h2load --version | awk '{ print $2; exit }')
- machine load: the cores are shared with other engineers' builds and tests, so absolute req/s move between runs; the per-round ratio is the figure to compare (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)
- load: \`h2load -n $requests -c 16 -m 10 -t 1\`, unary /bench.Echo/Call, 16-byte message (a serialised bench.Blob), both servers warmed up with $warmup_requests requests, then $rounds alternating rounds (anchor, ours, ...)
- ours: grpc-dotnet (Kestrel), Grpc.AspNetCore $(grpc_version), AddGrpc + MapGrpcService of a Grpc.Tools-generated Echo.EchoBase, h2c

| round | grpc-go echo anchor req/s | grpc-dotnet (Kestrel) req/s | ours/anchor |
|---|---|---|---|
${round_rows}| median | $anchor_median | $ours_median | **$ratio** |

- median per-round ratio ours/anchor: **$ratio** (target of issue 20: >= 1.3)
- our server allocated $alloc_per_call bytes per call over the measured rounds (whole process: Kestrel, routing, grpc-dotnet, the Blob parsed and written back, runtime)
- client mode, a GrpcChannel (Grpc.Net.Client, generated Echo.EchoClient) against our server: ${client#client: }
BLOCK
)
printf '\n%s\n' "$block"
results=scripts/bench-results.md
[ -f "$results" ] || printf '# gRPC benchmark results\n\nAppended by scripts/bench-grpc.sh, newest last.\n' >"$results"
printf '\n%s\n' "$block" >>"$results"
