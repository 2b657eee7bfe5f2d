#!/usr/bin/env bash
# Issue 5's targets on one node (SQLite by default; PROVIDER=postgres for scripts/postgres.sh's server):
#  1. intake: ReportCase with deadlines off and on, alternating (off, on, off, on), 64 callers;
#  2. at scale: the database filled with SIZES open cases whose deadlines lie 1-30 days ahead (the bench's
#     `fill --open-ahead yes`), then BURST reports spread over one minute in category 0505, which the node
#     gives a 90 s limit, so BURST deadlines fall due within the same minute; the bench watches the feed and
#     reports how long after each deadline its breach and its supervision order were seen, and the node's
#     resident memory. SIZES grows the same database step by step (e.g. "100000 1000000").
# Loopback only. Prints a results block and adds it to scripts/bench-results.md under "Deadlines".
# Environment: PROVIDER (sqlite), ROUNDS (2 intake rounds), SIZES ("100000 1000000"; empty for intake only),
# BURST (10000), CONCURRENCY (64), DURATION (20), WARMUP (15), NODE_ARGS (more node settings, e.g.
# "--Deadlines:SweepHorizon=00:00:00" to give every alarm its own Hangfire job).
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

provider=${PROVIDER:-sqlite}
sizes=${SIZES-100000 1000000}
rounds=${ROUNDS:-2}
burst=${BURST:-10000}
concurrency=${CONCURRENCY:-64}
connections=1
duration=${DURATION:-20}
warmup=${WARMUP:-15}
work=$top/artifacts/node-bench
read -ra node_args <<<"${NODE_ARGS:-}"
command_line="scripts/bench-deadlines.sh (PROVIDER=$provider ROUNDS=$rounds SIZES=\"$sizes\" BURST=$burst CONCURRENCY=$concurrency DURATION=$duration WARMUP=$warmup${NODE_ARGS:+ NODE_ARGS=\"$NODE_ARGS\"})"

# shellcheck source=scripts/bench-node-common.sh
source scripts/bench-node-common.sh

# start_node DIR ARGS...: starts a node on the current database, logging warnings only; sets node_pid and grpc_port.
start_node() {
  local dir=$1
  shift
  launch_node "$dir" "--Logging:LogLevel:Default=Warning" "${node_args[@]}" "$@"
}

last_sequence() {
  if [ "$provider" = postgres ]; then
    PGPASSWORD=dispatch psql "$(pg_url "${databases[-1]}")" -qAtc "SELECT coalesce(max(sequence), 0) FROM case_feed"
  else
    /usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select coalesce(max(sequence), 0) from case_feed").fetchone()[0])' "$dir/node.db"
  fi
}

declare -a intake_rows=()
for round in $(seq "$rounds"); do
  for deadlines in false true; do
    dir=$(mktemp -d "/tmp/dispatch-deadline-bench.XXXXXX")
    dirs+=("$dir")
    new_database "$provider" "$dir" deadlinebench
    start_node "$dir" "--Deadlines:Enabled=$deadlines"
    echo "== intake, deadlines $deadlines (round $round, load $(load))"
    out=$(report_load --warmup "$warmup") || true
    echo "$out"
    intake_rows+=("| $round | $deadlines | $(sed -n 's/^report: //p' <<<"$out") | $(sed -n 's/^cpu (cores, measured window): //p' <<<"$out") |")
    stop_node
  done
done

declare -a scale_rows=()
burst_args=("--Deadlines:Categories:0505:Limit=00:01:30")
if [ -n "$sizes" ]; then
  dir=$(mktemp -d "/tmp/dispatch-deadline-bench.XXXXXX")
  dirs+=("$dir")
  new_database "$provider" "$dir" deadlinebench
  start_node "$dir" "${burst_args[@]}"
  stop_node
fi
for size in $sizes; do
  echo "== filling to $size open cases with deadlines ahead"
  fill=$(bench fill --provider "$provider" --connection "$connection" --cases "$size" --open-ahead yes | tail -n 2 | head -n 1)
  echo "$fill"
  if [ "$provider" = postgres ]; then
    PGPASSWORD=dispatch psql "$(pg_url "${databases[-1]}")" -qAtc "VACUUM (ANALYZE) cases, case_events, case_feed" >/dev/null
  fi
  start_node "$dir" "${burst_args[@]}"
  rss_idle=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$node_pid/status")
  from=$(last_sequence)
  echo "== $size open cases: $burst deadlines in one minute (node idle at ${rss_idle} MiB, load $(load))"
  out=$(bench deadline-burst --address "http://127.0.0.1:$grpc_port" --count "$burst" --spread 60 --from-sequence "$from" --node-pid "$node_pid") || true
  echo "$out"
  scale_rows+=("| $size | ${rss_idle} MiB | $(sed -n 's/^deadline-burst: breaches seen //p' <<<"$out") | $(sed -n 's/^deadline-burst: supervision orders seen //p' <<<"$out") | $(sed -n 's/^deadline-burst: node resident memory //p' <<<"$out") |")
  stop_node
done

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain)" ] || commit+=" + uncommitted changes"
block=$(
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo "- command: \`$command_line\`"
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB, .NET SDK $(dotnet --version), provider $provider"
  echo
  echo "ReportCase with deadlines off and on ($concurrency callers, ${warmup} s warm-up + ${duration} s, a fresh database each):"
  echo
  echo "| round | deadlines | result | CPU (cores) |"
  echo "|---|---|---|---|"
  printf '%s\n' "${intake_rows[@]}"
  [ ${#scale_rows[@]} -eq 0 ] || echo
  [ ${#scale_rows[@]} -eq 0 ] || echo "$burst deadlines falling due within one minute on a node holding N open cases with deadlines ahead (lag = seen on the feed minus the deadline, wall clock):"
  echo
  if [ ${#scale_rows[@]} -gt 0 ]; then
    echo "| open cases N | node idle RSS | breaches: seen, lag p50/p99/max | supervision orders: seen, lag p50/p99/max | node RSS during the burst |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${scale_rows[@]}"
  fi
)
printf '\n%s\n' "$block"

append_results "## Deadlines" scripts/bench-deadlines.sh "$block"
