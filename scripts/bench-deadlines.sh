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
#  3. restart: RESTART cases (1000; 0 skips) reported with a 30 s limit, the node stopped before any falls due and
#     started again after all have: each breach must be recorded exactly once (counted in the database);
#  4. replicas (PostgreSQL only; REPLICAS=no skips): two nodes on one database, RESTART cases reported through
#     both: each breach and each supervision order recorded exactly once.
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

provider=${PROVIDER:-sqlite}
restart=${RESTART:-1000}
replicas=${REPLICAS:-yes}
sizes=${SIZES-100000 1000000}
rounds=${ROUNDS:-2}
burst=${BURST:-10000}
concurrency=${CONCURRENCY:-64}
connections=1
duration=${DURATION:-20}
warmup=${WARMUP:-15}
work=$top/artifacts/node-bench
read -ra node_args <<<"${NODE_ARGS:-}"
command_line="scripts/bench-deadlines.sh (PROVIDER=$provider ROUNDS=$rounds SIZES=\"$sizes\" RESTART=$restart REPLICAS=$replicas BURST=$burst CONCURRENCY=$concurrency DURATION=$duration WARMUP=$warmup${NODE_ARGS:+ NODE_ARGS=\"$NODE_ARGS\"})"

# shellcheck source=scripts/bench-node-common.sh
source scripts/bench-node-common.sh

# start_node DIR ARGS...: starts a node on the current database, logging warnings only; sets node_pid and grpc_port.
start_node() {
  local dir=$1
  shift
  launch_node "$dir" "--Logging:LogLevel:Default=Warning" "${node_args[@]}" "$@"
}

# query SQL: one value from the current database.
query() {
  if [ "$provider" = postgres ]; then
    PGPASSWORD=dispatch psql "$(pg_url "${databases[-1]}")" -qAtc "$1"
  else
    /usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$dir/node.db" "$1"
  fi
}

last_sequence() { query "SELECT coalesce(max(sequence), 0) FROM case_feed"; }

# events TYPE: "distinct cases / events" of that type among the burst category's cases.
events() {
  query "SELECT count(DISTINCT e.case_id) || ' / ' || count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.category_code = '0505' AND e.type = '$1'"
}

# wait_events TYPE N: until N distinct cases have an event of TYPE (at most 120 s); prints the seconds waited.
wait_events() {
  local started=$SECONDS
  while [ "$(events "$1" | cut -d' ' -f1)" -lt "$2" ] && [ $((SECONDS - started)) -lt 120 ]; do sleep 0.2; done
  echo $((SECONDS - started))
}

# sleep_past TIMESTAMP: until the wall clock is 2 s past an ISO-8601 instant.
sleep_past() {
  local until
  until=$(date -d "$1" +%s.%N)
  /usr/bin/python3 -c 'import sys, time; time.sleep(max(0.0, float(sys.argv[1]) + 2 - time.time()))' "$until"
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

declare -a once_rows=()
short_limit=("--Deadlines:Categories:0505:Limit=00:00:30")
if [ "$restart" -gt 0 ]; then
  dir=$(mktemp -d "/tmp/dispatch-deadline-bench.XXXXXX")
  dirs+=("$dir")
  new_database "$provider" "$dir" deadlinebench
  start_node "$dir" "${short_limit[@]}"
  echo "== restart: $restart deadlines fall due while the node is down"
  out=$(bench deadline-burst --address "http://127.0.0.1:$grpc_port" --count "$restart" --spread 5 --report-only yes)
  echo "$out"
  stop_node
  before=$(events CaseMarkedOverdue)
  sleep_past "$(sed -n 's/^deadline-burst: last deadline //p' <<<"$out")"
  start_node "$dir" "${short_limit[@]}"
  waited=$(wait_events CaseMarkedOverdue "$restart")
  sleep 5
  once_rows+=("| restart, $restart past due | before the stop $before | $(events CaseMarkedOverdue) within ${waited} s of the start | $(events CaseSupervised) |")
  stop_node
fi

if [ "$restart" -gt 0 ] && [ "$provider" = postgres ] && [ "$replicas" = yes ]; then
  dir=$(mktemp -d "/tmp/dispatch-deadline-bench.XXXXXX")
  dirs+=("$dir")
  new_database "$provider" "$dir" deadlinebench
  start_node "$dir" "${short_limit[@]}"
  first_pid=$node_pid first_port=$grpc_port
  start_node "$dir" "${short_limit[@]}"
  echo "== replicas: $restart deadlines on two nodes sharing one database"
  half=$((restart / 2))
  bench deadline-burst --address "http://127.0.0.1:$first_port" --count "$half" --spread 5 --report-only yes --from-sequence 1 >"$dir/first.out" &
  bench deadline-burst --address "http://127.0.0.1:$grpc_port" --count $((restart - half)) --spread 5 --report-only yes --from-sequence 2 >"$dir/second.out"
  wait $!
  cat "$dir/first.out" "$dir/second.out"
  last=$(sed -n 's/^deadline-burst: last deadline //p' "$dir/first.out" "$dir/second.out" | sort | tail -n 1)
  sleep_past "$last"
  waited=$(wait_events CaseSupervised "$restart")
  sleep 5
  once_rows+=("| two replicas, $restart due | | $(events CaseMarkedOverdue) | $(events CaseSupervised), all within ${waited} s of the last deadline + 2 s |")
  stop_node
  node_pid=$first_pid
  stop_node
fi

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain)" ] || commit+=" + uncommitted changes"
block=$(
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo "- command: \`$command_line\`"
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB, .NET SDK $(dotnet --version), provider $provider"
  if [ ${#intake_rows[@]} -gt 0 ]; then
    echo
    echo "ReportCase with deadlines off and on ($concurrency callers, ${warmup} s warm-up + ${duration} s, a fresh database each):"
    echo
    echo "| round | deadlines | result | CPU (cores) |"
    echo "|---|---|---|---|"
    printf '%s\n' "${intake_rows[@]}"
  fi
  if [ ${#scale_rows[@]} -gt 0 ]; then
    echo
    echo "$burst deadlines falling due within one minute on a node holding N open cases with deadlines ahead (lag = seen on the feed minus the deadline, wall clock):"
    echo
    echo "| open cases N | node idle RSS | breaches: seen, lag p50/p99/max | supervision orders: seen, lag p50/p99/max | node RSS during the burst |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${scale_rows[@]}"
  fi
  if [ ${#once_rows[@]} -gt 0 ]; then
    echo
    echo "Each deadline once (burst category's cases in the database: distinct cases / events; equal numbers mean no duplicates):"
    echo
    echo "| run | overdue events then | CaseMarkedOverdue | CaseSupervised |"
    echo "|---|---|---|---|"
    printf '%s\n' "${once_rows[@]}"
  fi
)
printf '\n%s\n' "$block"

append_results "## Deadlines" scripts/bench-deadlines.sh "$block"
