#!/usr/bin/env bash
# Issue 3's targets on one node, on SQLite and then on PostgreSQL (a fresh database on scripts/postgres.sh's
# server): ReportCase intake under concurrent callers, then ListCases first pages per filter once the
# database holds CASES cases (filled straight into the database by the bench's `fill` mode). Loopback only.
# Prints a results block and adds it to scripts/bench-results.md under "Node intake and listing".
# Environment: CASES (1000000), CONCURRENCY (64), CONNECTIONS (1: the HTTP/2 connections the callers share),
# DURATION (20 s), WARMUP (20 s), RATE (5000, the target's rate: after the back-to-back runs, one more with this many
# calls/s offered on a fixed schedule; empty for none), PACED_WARMUP (5 s: the node is warm by then), ROUNDS (30 list
# calls per filter), PROVIDERS ("sqlite postgres"), NODE_ARGS (extra node settings, e.g. "--Logging:LogLevel:Default=Warning").
# WARMUP: a freshly started node still compiles (tiering) for about 16 s under this load on 2 cores
# (dotnet.jit.compilation.time 0.4-1.5 s per 2 s until then, under 0.03 s after; 2026-11-29).
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

cases=${CASES:-1000000}
concurrency=${CONCURRENCY:-64}
connections=${CONNECTIONS:-1}
duration=${DURATION:-20}
warmup=${WARMUP:-20}
rounds=${ROUNDS:-30}
providers=${PROVIDERS:-sqlite postgres}
rate=${RATE-5000}
paced_warmup=${PACED_WARMUP:-5}
read -r -a node_args <<<"${NODE_ARGS:-}"
work=$top/artifacts/node-bench
command_line="scripts/bench-node.sh (CASES=$cases CONCURRENCY=$concurrency CONNECTIONS=$connections DURATION=$duration WARMUP=$warmup RATE=$rate PACED_WARMUP=$paced_warmup ROUNDS=$rounds PROVIDERS=\"$providers\"${NODE_ARGS:+ NODE_ARGS=\"$NODE_ARGS\"})"

# shellcheck source=scripts/bench-node-common.sh
source scripts/bench-node-common.sh
# The grpc-go echo anchor, loaded by h2load right before and right after each intake run: this machine's
# speed varies by a third from one minute to the next, and the anchor shows how fast it was meanwhile.
# shellcheck source=scripts/bench-anchor-common.sh
source scripts/bench-anchor-common.sh
anchor_requests=200000
anchor_start
anchor_load "$anchor_port" "$anchor_requests" >/dev/null

# start_node PROVIDER DIR: starts a node on a fresh database; sets node_pid, grpc_port, connection.
start_node() {
  new_database "$1" "$2" nodebench
  launch_node "$2" "${node_args[@]}"
}

declare -A report cpu list_out fill_out load_report load_list anchor
# report_run ROW [BENCH ARGS...]: one ReportCase run against the node, its figures kept under ROW.
report_run() {
  local row=$1 out
  shift
  load_report[$row]="$(load)"
  anchor[$row]="$(anchor_load "$anchor_port" "$anchor_requests")"
  out=$(report_load "$@") || true
  echo "$out"
  report[$row]=$(sed -n 's/^report: //p' <<<"$out")
  cpu[$row]=$(sed -n 's/^cpu (cores, measured window): //p' <<<"$out")
  load_report[$row]+=" -> $(load)"
  anchor[$row]+=" / $(anchor_load "$anchor_port" "$anchor_requests")"
  report_rows+=" $row"
}

report_rows=
for provider in $providers; do
  dir=$(mktemp -d "/tmp/dispatch-node-bench.XXXXXX")
  dirs+=("$dir")
  echo "== $provider: starting a node on a fresh database"
  start_node "$provider" "$dir"

  echo "== $provider: ReportCase, $concurrency callers back to back, ${warmup} s warm-up then ${duration} s (load before: $(load))"
  report_run "$provider" --warmup "$warmup"
  if [ "$provider" = postgres ]; then
    # A database created seconds ago has no planner statistics yet (autovacuum analyzes about a minute
    # later), and without them the duplicate-suggestion query sorts every recent case of the grid. Run
    # again once analyzed, as a node that has been up for a while would be.
    PGPASSWORD=dispatch psql "$(pg_url "${databases[-1]}")" -qAtc "ANALYZE cases, case_events, case_feed, users" >/dev/null
    echo "== $provider: ReportCase again after ANALYZE (load before: $(load))"
    report_run "$provider-analyzed" --warmup "$warmup"
  fi
  if [ -n "$rate" ]; then
    echo "== $provider: ReportCase offered at $rate/s by $concurrency callers, ${paced_warmup} s warm-up then ${duration} s (load before: $(load))"
    report_run "$provider-at-$rate" --warmup "$paced_warmup" --rate "$rate"
  fi

  # The fill writes straight into the database, cases whose deadlines passed among them: a running node's deadline
  # sweep would breach those meanwhile (new events, supervision orders), racing the fill's read-back check and the
  # listing below. So the node stops for the fill, and the listing runs on a node with deadlines off.
  stop_node
  echo "== $provider: filling to $cases cases"
  # Progress to stderr as it comes (through the same descriptor: tee /dev/stderr would reopen, and so
  # truncate, a log file that stderr is redirected to); the last two lines are kept for the results.
  fill_out[$provider]=$(bench fill --provider "$provider" --connection "$connection" --cases "$cases" |
    while IFS= read -r line; do printf '%s\n' "$line" >&2; printf '%s\n' "$line"; done | tail -n 2)

  if [ "$provider" = postgres ]; then
    # Settle the bulk load the way a running server would have by now (statistics, visibility map),
    # so that autovacuum does not start on 12M new rows in the middle of the measurement.
    echo "== $provider: VACUUM (ANALYZE) after the fill"
    PGPASSWORD=dispatch psql "$(pg_url "${databases[-1]}")" -qAtc "VACUUM (ANALYZE) cases, case_events, case_feed" >/dev/null
  fi

  launch_node "$dir" "${node_args[@]}" --Deadlines:Enabled=false
  echo "== $provider: ListCases first pages, $rounds calls per filter (load before: $(load))"
  load_list[$provider]="$(load)"
  out=$(bench list --address "http://127.0.0.1:$grpc_port" --rounds "$rounds") || true
  echo "$out"
  list_out[$provider]=$(sed -n 's/^list: //p' <<<"$out")
  load_list[$provider]+=" -> $(load)"
  stop_node
done

# One table with a column pair per provider: rows are the filters of the first provider's run.
list_table() {
  local header="| filter |" rule="|---|" first
  read -r first _ <<<"$providers"
  for provider in $providers; do header+=" $provider p50 ms | $provider p99 ms |"; rule+="---|---|"; done
  echo "$header"
  echo "$rule"
  grep '^|' <<<"${list_out[$first]}" | tail -n +2 | while IFS='|' read -r _ name _; do
    name=$(echo "$name" | xargs)
    local row="| $name |"
    for provider in $providers; do
      row+=$(grep -F "| $name |" <<<"${list_out[$provider]}" | awk -F'|' '{ printf " %s | %s |", $3, $4 }' | tr -s ' ')
    done
    echo "$row"
  done
}

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain)" ] || commit+=" + uncommitted changes"
block=$(
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo "- command: \`$command_line\`"
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB, .NET SDK $(dotnet --version), PostgreSQL $(psql --version | awk '{ print $3 }'); load average (1/5/15 min) at the start of each phase -> at its end below"
  echo
  echo "ReportCase: $concurrency concurrent callers (one signed-in grid worker) on $connections HTTP/2 connection(s), unique request ids, category 0201 in one grid;"
  echo "back to back (the most calls/s; latency includes the queue of $concurrency waiting callers)${rate:+, then offered $rate/s on a fixed schedule (latency from the time each call was due: once calls take longer than $concurrency callers / $rate per s, the callers run out and the calls waiting for one count that wait)}"
  echo
  echo "| provider | result | CPU during the measured window (cores) | load | anchor req/s before / after |"
  echo "|---|---|---|---|---|"
  for row in $report_rows; do
    echo "| $row | ${report[$row]} | ${cpu[$row]} | ${load_report[$row]} | ${anchor[$row]} |"
  done
  echo
  echo "anchor: the grpc-go echo server of shared/anchors, $anchor_load_description, $anchor_requests calls right before and right after each run (the node idle meanwhile)."
  case " $report_rows " in
    *" postgres-analyzed "*) echo
      echo "postgres: a database created seconds before, without planner statistics; postgres-analyzed: the same node right after ANALYZE." ;;
  esac
  echo
  echo "ListCases, first page (50) newest first unless noted, signed in as the dispatcher, $rounds sequential calls per filter at $cases cases (the node restarted after the fill, with deadlines off):"
  echo
  list_table
  echo
  for provider in $providers; do
    settled=
    [ "$provider" != postgres ] || settled=", then VACUUM (ANALYZE) of the three tables"
    echo "- $provider: $(head -n 1 <<<"${fill_out[$provider]}" | sed 's/^fill: //')$settled; list load ${load_list[$provider]}"
  done
)
printf '\n%s\n' "$block"

append_results "## Node intake and listing" scripts/bench-node.sh "$block"
