#!/usr/bin/env bash
# The fuzz and abuse suite of issue 23 at benchmark size: CASES (100000) generated cases from SEED against one node
# (SQLite, deadlines off so nothing but the cases writes), published Release, on loopback: mutated and random
# messages for every RPC of the contract, hostile field values, broken gRPC framing and compression flags, header
# floods, raw HTTP/2 abuse and server streams opened and abandoned (tests/Dispatch.Fuzzing; the CI sample is
# tests/Dispatch.Node.Tests/Fuzzing/FuzzTests.cs). Prints the answers by status, every violation, and the node's
# memory: resident (from /proc) at the start, every tenth and the end, and the GC heap over the run (dotnet-counters,
# installed into artifacts/tools); then RSS again after IDLE seconds without load. Adds a block to
# scripts/bench-results.md under "Fuzz and abuse" (APPEND=no: print only). Exits 1 when anything was violated.
# Environment: CASES (100000), SEED (1), CONCURRENCY (8), IDLE (30).
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

cases=${CASES:-100000}
seed=${SEED:-1}
concurrency=${CONCURRENCY:-8}
idle=${IDLE:-30}
work=$top/artifacts/fuzz-bench
command_line="scripts/bench-fuzz.sh (CASES=$cases SEED=$seed CONCURRENCY=$concurrency IDLE=$idle)"
commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain)" ] || commit+=" + uncommitted changes"

# shellcheck source=scripts/bench-node-common.sh
source scripts/bench-node-common.sh

tools=$top/artifacts/tools
if [ ! -x "$tools/dotnet-counters" ]; then
  dotnet tool install dotnet-counters --tool-path "$tools" --version 10.0.750501 >/dev/null
fi

dir=$(mktemp -d /tmp/dispatch-fuzz-bench.XXXXXX)
dirs+=("$dir")
key=$(head -c 32 /dev/urandom | base64)
new_database sqlite "$dir" fuzz
launch_node "$dir" --Node:Id=fuzz-node --Node:Children:0:Id=fuzz-child "--Node:Children:0:Key=$key" --Deadlines:Enabled=false \
  --Logging:LogLevel:Default=Warning
echo "node $node_pid on 127.0.0.1:$grpc_port; $cases cases, seed $seed"

"$tools/dotnet-counters" collect --process-id "$node_pid" --counters System.Runtime --format csv --refresh-interval 5 \
  --output "$dir/counters.csv" >/dev/null 2>&1 &
counters_pid=$!

status=0
bench fuzz --address "http://127.0.0.1:$grpc_port" --connection "$connection" --node-id fuzz-node --child-key "$key" \
  --seed "$seed" --cases "$cases" --concurrency "$concurrency" --node-pid "$node_pid" | tee "$dir/fuzz.log" || status=$?
sleep "$idle"
idle_rss=$(awk '/VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$node_pid/status")
kill -INT "$counters_pid" 2>/dev/null || true
wait "$counters_pid" 2>/dev/null || true

# The GC heap (the runtime's last-collection heap size, all generations) first, highest and last, from the counters' CSV.
gc_heap=$(python3 - "$dir/counters.csv" <<'PY'
import csv, sys, collections
totals = collections.OrderedDict()
try:
    for row in csv.reader(open(sys.argv[1], encoding="utf-8")):
        if len(row) < 5 or not ("heap.size" in row[2] or "GC Heap Size" in row[2]):
            continue
        value = float(row[4])
        scale = 1 / 1048576 if "(B" in row[2] or "By" in row[2] else 1
        totals[row[0]] = totals.get(row[0], 0) + value * scale
except (OSError, ValueError):
    pass
values = list(totals.values())
print(f"first {values[0]:.0f} MiB, max {max(values):.0f} MiB, last {values[-1]:.0f} MiB ({len(values)} readings, every 5 s)" if values else "not read")
PY
)
echo "GC heap: $gc_heap"
echo "RSS after $idle s idle: $idle_rss"

block="### $(date -u '+%Y-%m-%d %H:%M') UTC, commit $commit

\`$command_line\`; $(nproc) cores, load before $(load), SQLite.

\`\`\`
$(grep -v '^rpc ' "$dir/fuzz.log")
GC heap over the run: $gc_heap
RSS after $idle s idle: $idle_rss
\`\`\`

<details><summary>answers per RPC</summary>

\`\`\`
$(grep '^rpc ' "$dir/fuzz.log")
\`\`\`
</details>"
append_results "## Fuzz and abuse" scripts/bench-fuzz.sh "$block"
exit "$status"
