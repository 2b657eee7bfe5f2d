#!/usr/bin/env bash
# The soak of issue 23: the local platform (district, town, village-a, village-b as separate processes, by
# scripts/cluster.sh, in a fresh working directory with the ports moved by PORT_OFFSET) under mixed load for
# DURATION seconds, by the bench's `soak` mode: per village RATE reports/s, of which six in ten go round the
# closed loop (accept, assign, start, resolve, verify, read back), two are escalated to the town (half of those go
# on to the district), one is an Emergency escalated straight to the district, and one gets category 0505, which
# the nodes are started with a DEADLINE_LIMIT-second limit for, and breaches (a supervision order at the town);
# on every node LIST_RATE lists/s over the bench's filters, WATCHES watches of the whole feed, and a watch opened
# and closed every 5 s. It prints errors by operation and status (target 0), each node's RSS every SAMPLE seconds
# (target: flat after the warm-up), throughput and latency per operation, escalations sent vs received at each
# parent and breaches vs supervision orders (lost / duplicated, target 0), and the nodes' logged warnings and
# errors; the block goes to scripts/bench-results.md under "## Soak" (APPEND=no: print only).
#
# Environment: DURATION (600), RATE (10), LIST_RATE (2), WATCHES (3), DEADLINE_LIMIT (60), SAMPLE (30), DRAIN (120:
# at most this long after the load for the relays to deliver), PORT_OFFSET (3000: district 8101, town 8201,
# village-a 8301, village-b 8401), START_TIMEOUT (300 s per member to listen), NO_BUILD=1 (reuse the last published bench), KEEP=1 (keep the working directory).
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

duration=${DURATION:-600}
rate=${RATE:-10}
list_rate=${LIST_RATE:-2}
watches=${WATCHES:-3}
deadline_limit=${DEADLINE_LIMIT:-60}
sample=${SAMPLE:-30}
drain=${DRAIN:-120}
offset=${PORT_OFFSET:-3000}
artifacts=$top/artifacts/soak-bench
members=(district town village-a village-b)
export START_TIMEOUT=${START_TIMEOUT:-300}  # the members start slowly on a busy machine
command_line="scripts/soak.sh (DURATION=$duration RATE=$rate LIST_RATE=$list_rate WATCHES=$watches DEADLINE_LIMIT=$deadline_limit SAMPLE=$sample PORT_OFFSET=$offset)"

# append_results from the node benchmarks' helpers; they publish nothing here.
publish_work=no
work=$artifacts
# shellcheck source=scripts/bench-node-common.sh
source scripts/bench-node-common.sh

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
dir=""
cluster() { scripts/cluster.sh --dir "$dir" --port-offset "$offset" "$@"; }
finish() {
  if [ -n "$dir" ]; then
    cluster stop 2>/dev/null || true
    if [ -z "${KEEP:-}" ]; then rm -rf "$dir"; else log "kept $dir"; fi
  fi
}
trap finish EXIT

if [ -z "${NO_BUILD:-}" ]; then
  log "publishing the bench app (scripts/cluster.sh builds the node)..."
  dotnet publish tests/Dispatch.Node.Bench -c Release --disable-build-servers -o "$artifacts/bench" -nologo -v q -tl:off -clp:ErrorsOnly >/dev/null
fi

dir=$(mktemp -d /tmp/dispatch-soak.XXXXXX)
limit=$(printf '%02d:%02d:%02d' $((deadline_limit / 3600)) $((deadline_limit % 3600 / 60)) $((deadline_limit % 60)))
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cluster start -- "--Deadlines:Categories:0505:Limit=$limit"
nodes=$(for m in "${members[@]}"; do printf '%s:%s,' "$m" "$(cat "$dir/run/$m.pid")"; done)
log "platform up in $dir (${nodes%,}); load before the start $load_before; soaking for $duration s"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
set +e
bench soak --port-offset "$offset" --nodes "${nodes%,}" --duration "$duration" --rate "$rate" --list-rate "$list_rate" \
  --watches "$watches" --deadline-limit "$deadline_limit" --sample "$sample" --drain "$drain" | tee "$dir/soak.out"
status=${PIPESTATUS[0]}
set -e
ended=$(date -u '+%H:%M UTC')

declare -a log_rows=()
for m in "${members[@]}"; do
  first_failure=$({ grep -m1 -A1 '^fail:' "$dir/logs/$m.log" || true; } | tail -n 1 | sed 's/^ *//' | cut -c1-160)
  log_rows+=("| $m | $(grep -c '^fail:' "$dir/logs/$m.log" || true) | $(grep -c '^warn:' "$dir/logs/$m.log" || true) | $first_failure |")
done

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain)" ] || commit+=" + uncommitted changes"
out=$(cat "$dir/soak.out")
block=$(
  echo "### $started - $ended, commit $commit"
  echo "- command: \`$command_line\`, exit $status"
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB, .NET SDK $(dotnet --version); load average before the start $load_before (other work on the machine included)"
  echo "- platform: scripts/cluster.sh (one process per node, SQLite), category 0505 limit ${deadline_limit} s"
  echo
  grep '^soak: run ' <<<"$out" | sed 's/^/- /'
  echo
  echo "Errors (target 0) and the count after the load (lost / duplicated, target 0):"
  echo
  { grep '^errors: ' <<<"$out"; grep '^soak: \(reckoning\|escalations\|deadlines\|supervision\)' <<<"$out"; grep '^soak: errors=' <<<"$out"; } | sed 's/^/    /'
  echo
  grep -A100 '^soak: throughput' <<<"$out" | grep '^soak: throughput'
  echo
  grep '^|' <<<"$out" | sed -n '/^| operation/,/^| at /p' | sed '$d'
  echo
  echo "Resident memory (MiB) every ${sample} s, from the start of the load:"
  echo
  sed -n '/^| at /,$p' <<<"$out" | grep '^|'
  echo
  grep '^rss: ' <<<"$out" | sed 's/^/- /'
  grep '^cpu ' <<<"$out" | sed 's/^/- /'
  echo
  echo "Node logs (lines at fail / warn level):"
  echo
  echo "| node | fail | warn | first failure |"
  echo "|---|---|---|---|"
  printf '%s\n' "${log_rows[@]}"
)
printf '\n%s\n' "$block"
append_results "## Soak" scripts/soak.sh "$block"
exit "$status"
