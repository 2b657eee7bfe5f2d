#!/usr/bin/env bash
# Escalation benchmarks of issue 4, on cluster members run as separate processes on loopback by
# scripts/cluster.sh (`Dispatch.Node.dll --cluster-member ID`: district, town, village-a; village-b is not
# started), in a fresh private working directory (SQLite databases under it) and with the ports moved by
# PORT_OFFSET so the platform on the default ports is not disturbed. Results go to
# scripts/bench-results.md under "## Escalation".
#
#   scripts/bench-escalation.sh latency   village-a -> town -> district at RATE/s for DURATION s, per-hop
#                                         p50/p99/max, then a rate sweep for the throughput ceiling
#   scripts/bench-escalation.sh faults    COUNT escalations village-a -> town while the town is stopped and
#                                         started 5 times and village-a is SIGKILLed twice; counts both
#                                         sides, prints "lost=N duplicated=M", fails if either is not 0
#   scripts/bench-escalation.sh all       both (the default)
#
# Environment: RATE (100), DURATION (30), WARMUP (10), PREWARM (40: seconds at RATE first, after 10 s
# at RATE/2, not recorded, since the nodes start cold), SWEEP_RATES ("150 200 300 400 600 800"), SWEEP_DOWN_RATES
# ("75 50 25", tried when RATE does not hold), SWEEP_DURATION (10, after 5 s warm-up), COUNT (10000),
# CONCURRENCY (16), TOWN_DOWN (3 s per town stop), PORT_OFFSET (2000: district 7101, town 7201,
# village-a 7301), NO_BUILD=1 (reuse the last published bench app), KEEP=1 (keep the working directory
# and its logs), TLS=1 (the cluster with scripts/cluster.sh --tls: HTTPS and mutual TLS between tiers; the bench
# client trusts the cluster's CA through SSL_CERT_FILE).
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

mode=${1:-all}
rate=${RATE:-100}
duration=${DURATION:-30}
warmup=${WARMUP:-10}
prewarm=${PREWARM:-40}
sweep_rates=${SWEEP_RATES-150 200 300 400 600 800}
sweep_down_rates=${SWEEP_DOWN_RATES-75 50 25}
sweep_duration=${SWEEP_DURATION:-10}
count=${COUNT:-10000}
concurrency=${CONCURRENCY:-16}
town_down=${TOWN_DOWN:-3}
offset=${PORT_OFFSET:-2000}
artifacts=$top/artifacts/escalation-bench
case "$mode" in latency | faults | all) ;; *) echo "usage: $0 [latency|faults|all]" >&2; exit 2 ;; esac

scheme=http
tls_args=()
if [ -n "${TLS:-}" ]; then
  scheme=https
  tls_args=(--tls)
fi
village_url=$scheme://127.0.0.1:$((5301 + offset))
town_url=$scheme://127.0.0.1:$((5201 + offset))
district_url=$scheme://127.0.0.1:$((5101 + offset))
work=""

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cluster() { scripts/cluster.sh --dir "$work" --port-offset "$offset" "${tls_args[@]}" "$@"; }
start_member() { cluster start-member "$1"; }
stop_member() { cluster stop-member "$1"; }
kill_member() { cluster kill "$1"; }
pid_of() { cat "$work/run/$1.pid"; }

cleanup() {
  ! declare -F anchor_stop >/dev/null || anchor_stop
  if [ -n "$work" ]; then
    cluster stop 2>/dev/null || true
    if [ -z "${KEEP:-}" ]; then rm -rf "$work"; fi
  fi
}
trap cleanup EXIT

fresh_cluster() {
  cleanup
  work=$(mktemp -d /tmp/dispatch-escalation-bench.XXXXXX)
  start_member district
  start_member town
  start_member village-a
  log "cluster up in $work: district $(pid_of district), town $(pid_of town), village-a $(pid_of village-a)"
}

bench() {
  if [ -n "${TLS:-}" ]; then
    SSL_CERT_FILE=$work/data/certs/ca.crt dotnet "$artifacts/bench/Dispatch.Node.Bench.dll" "$@"
  else
    dotnet "$artifacts/bench/Dispatch.Node.Bench.dll" "$@"
  fi
}

# The grpc-go echo anchor, loaded by h2load right before and right after the latency run, for how fast
# this (noisy) machine was meanwhile.
# shellcheck source=scripts/bench-anchor-common.sh
source scripts/bench-anchor-common.sh
anchor_requests=200000

load_now() { cut -d' ' -f1-3 /proc/loadavg; }

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain)" ] || commit+=" + uncommitted changes"
machine="$(nproc) cores, .NET SDK $(dotnet --version), SQLite (WAL, synchronous=FULL) on $(df -T /tmp | awk 'NR == 2 { print $2 }')"

if [ -z "${NO_BUILD:-}" ]; then
  log "publishing the bench app (scripts/cluster.sh builds the node)..."
  dotnet publish tests/Dispatch.Node.Bench -c Release --disable-build-servers -o "$artifacts/bench" -nologo -v q -tl:off -clp:ErrorsOnly >/dev/null
fi

# Appends one block to the "## Escalation" section of scripts/bench-results.md (made if missing).
record() {
  local block=$1 results=scripts/bench-results.md
  printf '\n%s\n' "$block"
  BLOCK=$block python3 - "$results" <<'PY'
import os, sys
path = sys.argv[1]
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
block = os.environ["BLOCK"].rstrip("\n") + "\n"
heading = "## Escalation\n"
if heading not in text:
    text = text.rstrip("\n") + "\n\n" + heading + "\nAppended by scripts/bench-escalation.sh, newest last.\n"
start = text.index(heading) + len(heading)
following = text.find("\n## ", start)
end = len(text) if following < 0 else following + 1
section = text[:end].rstrip("\n") + "\n\n" + block
text = section + ("\n" + text[end:] if end < len(text) else "")
open(path, "w").write(text)
PY
}

run_latency() {
  fresh_cluster
  local nodes="village:$(pid_of village-a),town:$(pid_of town),district:$(pid_of district)"
  local urls=(--village "$village_url" --town "$town_url" --district "$district_url")
  local load_before out sweep="" ceiling="" step
  # Fresh nodes run cold code (tiered JIT) and their first seconds build a backlog that has nothing to
  # do with the steady state: an unrecorded run warms every path of the chain first, at half the rate
  # for 10 s (the coldest seconds), then at the rate. Measured with perf on a village: its tiered
  # compilation thread still took 38% of the node's CPU 40 s after start at 100/s (20 s at half the
  # rate, then 20 s at the rate), under 2% after 60 s.
  log "pre-warm: $((rate / 2))/s for 10 s, then $rate/s for $prewarm s (not recorded)"
  bench escalate-latency "${urls[@]}" --rate $((rate / 2)) --duration 10 --warmup 1 --drain 60 | grep '^summary ' >&2 || true
  bench escalate-latency "${urls[@]}" --rate "$rate" --duration "$prewarm" --warmup 1 --drain 60 | grep '^summary ' >&2 || true
  load_before=$(load_now)
  anchor_start
  anchor_load "$anchor_port" "$anchor_requests" >/dev/null
  local anchor_before anchor_after
  anchor_before=$(anchor_load "$anchor_port" "$anchor_requests")
  log "latency: $rate/s for $duration s after $warmup s warm-up (load $load_before, anchor $anchor_before req/s)"
  out=$(bench escalate-latency "${urls[@]}" --rate "$rate" --duration "$duration" --warmup "$warmup" --nodes "$nodes") || true
  printf '%s\n' "$out"
  anchor_after=$(anchor_load "$anchor_port" "$anchor_requests")
  anchor_stop
  local main_table main_summary
  main_table=$(grep '^escalate-latency: ' <<<"$out" | sed 's/^escalate-latency: //')
  main_summary=$(grep '^summary ' <<<"$out" || true)

  # The ceiling: the highest offered rate the chain keeps up with (the village escalates at >= 95 % of
  # it, nothing shed, undelivered or failed, p99 of both hops under 1 s, so no backlog builds up).
  # Upwards from RATE through SWEEP_RATES while it holds; if RATE itself does not hold, downwards
  # through SWEEP_DOWN_RATES until one does.
  sweep+=$(sweep_row "$rate" "$main_summary" "the run above" "$(cpu_cell "$out")")$'\n'
  local rates=$sweep_rates
  if keeps_up "$rate" "$main_summary"; then
    ceiling=$rate
  else
    rates=""
    for step in $sweep_down_rates; do [ "$step" -lt "$rate" ] && rates+="$step "; done
  fi
  local swept=""
  for step in $rates; do
    swept=1
    log "sweep: $step/s for $sweep_duration s (load $(load_now))"
    out=$(bench escalate-latency "${urls[@]}" --rate "$step" --duration "$sweep_duration" --warmup 5 --drain 60 --nodes "$nodes") || true
    local s
    s=$(grep '^summary ' <<<"$out" || echo "summary rate=$step failed")
    printf '%s\n' "$s"
    sweep+=$(sweep_row "$step" "$s" "" "$(cpu_cell "$out")")$'\n'
    if keeps_up "$step" "$s"; then
      if [ -z "$ceiling" ] || [ "$step" -gt "$ceiling" ]; then ceiling=$step; fi
      [ -n "$ceiling" ] && [ "$ceiling" -lt "$rate" ] && break
    else
      [ -z "$ceiling" ] || break
    fi
  done

  local block
  block=$(cat <<BLOCK
### Latency${TLS:+ over mutual TLS}, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit
- command: \`scripts/bench-escalation.sh latency\` (RATE=$rate DURATION=$duration WARMUP=$warmup PREWARM=$prewarm SWEEP_RATES="$sweep_rates" SWEEP_DOWN_RATES="$sweep_down_rates" SWEEP_DURATION=$sweep_duration)
- machine: $machine; load average before the run $load_before, after $(load_now)
- chain: village-a, town and district as three \`--cluster-member\` processes; a village grid worker reports and the village dispatcher escalates (open loop, $rate/s); when the case shows on the town's WatchCases stream the town dispatcher escalates it; the district's WatchCases stream marks arrival. A hop runs from the EscalateCase reply (durable at the sender) to the notice on the receiver's stream (durable there).

$(grep "^| " <<<"$main_table" | head -1)
|---|---|---|---|---|---|
$(grep '^| ' <<<"$main_table" | tail -n +2)

- $(grep -v '^| ' <<<"$main_table" | sed -n 1p)
- $(grep -v '^| ' <<<"$main_table" | grep '^backlog' || true)
- $(grep -v '^| ' <<<"$main_table" | grep '^cpu' || true)
- anchor (the grpc-go echo server of shared/anchors, $anchor_load_description, $anchor_requests calls, the cluster idle): $anchor_before req/s right before the run, $anchor_after right after
- sweep (the run above, then $sweep_duration s per rate after 5 s warm-up on the same cluster):

| offered /s | achieved /s | town p50 ms | town p99 ms | district p50 ms | district p99 ms | end-to-end p99 ms | backlog at end | shed | undelivered | cpu busy (others), cores |
|---|---|---|---|---|---|---|---|---|---|---|
${sweep%$'\n'}

- throughput ceiling: **${ceiling:-below every rate tried} escalations/s**$([ -n "$swept" ] || echo " (not swept: only RATE was tried)") (the highest rate tried that the chain kept up with: >= 95 % of it escalated at the village, both hops' p99 < 1 s, nothing shed, undelivered or failed)
- summary at $rate/s: \`${main_summary#summary }\`
BLOCK
)
  record "$block"
}

kv() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2"; }

# keeps_up RATE SUMMARY: the ceiling's test (see run_latency).
keeps_up() {
  awk -v r="$1" -v a="$(kv achieved "$2")" -v t="$(kv town_p99 "$2")" -v d="$(kv district_p99 "$2")" \
    -v sh="$(kv shed "$2")" -v u="$(kv undelivered "$2")" -v e="$(kv errors "$2")" \
    'BEGIN { exit !(a != "" && a >= 0.95 * r && t < 1000 && d < 1000 && sh == 0 && u == 0 && e == 0) }'
}

# sweep_row RATE SUMMARY NOTE CPU: one line of the sweep table.
sweep_row() {
  printf '| %s%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$1" "${3:+ ($3)}" "$(kv achieved "$2")" "$(kv town_p50 "$2")" \
    "$(kv town_p99 "$2")" "$(kv district_p50 "$2")" "$(kv district_p99 "$2")" "$(kv e2e_p99 "$2")" "$(kv backlog "$2")" \
    "$(kv shed "$2")" "$(kv undelivered "$2")" "$4"
}

# cpu_cell OUTPUT: "busy (others)" in cores over the measured window, e.g. "1.95 (0.02)": a run where
# other processes took CPU is not a clean figure.
cpu_cell() {
  local line
  line=$(grep 'cpu (cores' <<<"$1" | head -1)
  printf '%s (%s)' "$(sed -n 's/.*machine \([0-9.]*\) of.*/\1/p' <<<"$line")" "$(sed -n 's/.*others \([0-9.]*\).*/\1/p' <<<"$line")"
}

run_faults() {
  fresh_cluster
  local run_id="faults-$(date -u +%H%M%S)-$RANDOM" out_file="$work/generator.out" load_before faults=() during=0
  load_before=$(load_now)
  log "faults: $count escalations, run $run_id (load $load_before)"
  bench escalate-faults --village "$village_url" --run-id "$run_id" --count "$count" --concurrency "$concurrency" >"$out_file" 2>&1 &
  local generator=$!

  progress() { { grep '^progress ' "$out_file" || echo "progress 0"; } | tail -1 | cut -d' ' -f2; }
  # Waits until the generator has finished N escalations (bounded: 10 minutes, or until it exits).
  wait_progress() {
    for _ in $(seq 3000); do
      [ "$(progress)" -ge "$1" ] && return 0
      kill -0 "$generator" 2>/dev/null || return 0
      sleep 0.2
    done
    log "no progress to $1 in 10 minutes"
  }
  # Each fault is recorded with the generator's progress when it began and when the member was back.
  town_cycle() {
    local at
    at=$(progress); log "town: stop (progress $at)"; stop_member town
    if [ "$at" -lt "$count" ]; then during=$((during + 1)); fi
    sleep "$town_down"
    start_member town; log "town: started (progress $(progress))"
    faults+=("town stopped at $at, down ${town_down} s + start, back at $(progress)")
  }
  village_kill() {
    local at
    at=$(progress); log "village-a: SIGKILL (progress $at)"; kill_member village-a
    if [ "$at" -lt "$count" ]; then during=$((during + 1)); fi
    sleep 1
    start_member village-a; log "village-a: restarted (progress $(progress))"
    faults+=("village-a SIGKILLed at $at, back at $(progress)")
  }

  # Faults by progress, spread over the run. The second village kill happens while the town is down,
  # so the village dies with a backlog in its outbox.
  local step=$((count / 8))
  wait_progress $((step * 1)); town_cycle
  wait_progress $((step * 2)); village_kill
  wait_progress $((step * 3)); town_cycle
  wait_progress $((step * 4)); town_cycle
  wait_progress $((step * 5))
  local at
  at=$(progress); log "town: stop (progress $at)"; stop_member town
  if [ "$at" -lt "$count" ]; then during=$((during + 1)); fi
  sleep 1
  village_kill
  faults[-1]="${faults[-1]} (while the town was down: the village died with a backlog in its outbox)"
  sleep "$town_down"
  start_member town; log "town: started (progress $(progress))"
  faults+=("town stopped at $at, down through the village's restart, back at $(progress)")
  wait_progress $((step * 6)); town_cycle

  local generator_rc=0
  wait "$generator" || generator_rc=$?
  cat "$out_file" | grep -v '^progress ' || true
  log "generator done (exit $generator_rc); counting both sides"
  local count_out count_rc=0
  count_out=$(bench escalate-count --village "$village_url" --town "$town_url" --run-id "$run_id" --expected "$count") || count_rc=$?
  printf '%s\n' "$count_out"
  local relay_log
  relay_log=$(grep -c 'Delivery to the parent failed' "$work/logs/village-a.log" || true)

  local block
  block=$(cat <<BLOCK
### Fault run${TLS:+ over mutual TLS}, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit
- command: \`scripts/bench-escalation.sh faults\` (COUNT=$count CONCURRENCY=$concurrency TOWN_DOWN=$town_down)
- machine: $machine; load average before the run $load_before, after $(load_now)
- faults ($during of ${#faults[@]} began while the generator was running; progress = escalations done): $(IFS=';'; echo "${faults[*]}" | sed 's/;/; /g')
- generator: $(grep '^escalate-faults: ' "$out_file" | head -1 | sed 's/^escalate-faults: //')
- village relay retries logged: $relay_log
$(grep '^escalate-count: ' <<<"$count_out" | grep -v 'waiting for the relay' | sed 's/^escalate-count: /- /')
- **$(grep '^lost=' <<<"$count_out" || echo "count failed")**
BLOCK
)
  record "$block"
  if [ "$generator_rc" -ne 0 ] || [ "$count_rc" -ne 0 ]; then
    echo "fault run FAILED (generator exit $generator_rc, count exit $count_rc); logs in $work" >&2
    KEEP=1
    return 1
  fi
}

status=0
if [ "$mode" = latency ] || [ "$mode" = all ]; then run_latency || status=1; fi
if [ "$mode" = faults ] || [ "$mode" = all ]; then run_faults || status=1; fi
exit $status
