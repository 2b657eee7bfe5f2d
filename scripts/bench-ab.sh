#!/usr/bin/env bash
# scripts/bench-ab.sh [REV_A] [REV_B]: ReportCase intake of two commits, A/B in one session (REV_A defaults to
# HEAD~1, REV_B to HEAD). Each commit is checked out into a temporary worktree (git worktree add --detach) and its
# node published from there (Release), the load client (the bench driver) from this tree for both; then, per provider, alternating rounds A, B, A, B, ...:
# a fresh database, the commit's node started on it, the grpc-go echo anchor loaded by h2load, ReportCase back to
# back (like scripts/bench-node.sh), then offered at RATE/s on a fixed schedule, the anchor again, the node stopped.
# This tree's scripts drive both commits (the commits' own scripts are not used), so older commits compare too.
# Prints a table per provider and the B/A ratio of the median calls/s, and adds the block to
# scripts/bench-results.md under "Intake A/B" (APPEND=no: print only, for trial runs). Loopback only.
# Environment: ROUNDS (2 per commit), PROVIDERS ("sqlite postgres"), CONCURRENCY (64), CONNECTIONS (1),
# DURATION (20 s), WARMUP (20 s), RATE (5000; empty for no paced run), PACED_WARMUP (5 s), NODE_ARGS, APPEND (yes).
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

rev_a=${1:-HEAD~1}
rev_b=${2:-HEAD}
commit_a=$(git rev-parse --verify "$rev_a^{commit}")
commit_b=$(git rev-parse --verify "$rev_b^{commit}")
rounds=${ROUNDS:-2}
providers=${PROVIDERS:-sqlite postgres}
concurrency=${CONCURRENCY:-64}
connections=${CONNECTIONS:-1}
duration=${DURATION:-20}
warmup=${WARMUP:-20}
rate=${RATE-5000}
paced_warmup=${PACED_WARMUP:-5}
read -r -a node_args <<<"${NODE_ARGS:-}"
command_line="scripts/bench-ab.sh $rev_a $rev_b (ROUNDS=$rounds PROVIDERS=\"$providers\" CONCURRENCY=$concurrency CONNECTIONS=$connections DURATION=$duration WARMUP=$warmup RATE=$rate PACED_WARMUP=$paced_warmup${NODE_ARGS:+ NODE_ARGS=\"$NODE_ARGS\"})"

tmp=$(mktemp -d /tmp/dispatch-bench-ab.XXXXXX)
publish_work=no
# shellcheck source=scripts/bench-node-common.sh
source scripts/bench-node-common.sh
trees=()
remove_trees() {
  for tree in "${trees[@]}"; do git -C "$top" worktree remove --force "$tree" >/dev/null 2>&1 || true; done
  rm -rf "$tmp"
}
# bench-node-common.sh's cleanup stops the node and the anchor and drops the databases; then the worktrees go.
trap 'cleanup; remove_trees' EXIT
trap 'exit 130' INT TERM

declare -A commit_of=([A]=$commit_a [B]=$commit_b)
for side in A B; do
  trees+=("$tmp/src-$side")
  git worktree add --detach "$tmp/src-$side" "${commit_of[$side]}" >/dev/null
  echo "publishing $side ($(git log -1 --format='%h %s' "${commit_of[$side]}" | cut -c1-100)) (Release)..."
  publish_tree "$tmp/src-$side" "$tmp/$side"
done
# One load client for both: this tree's bench driver, so that the A/B measures the two nodes, not two clients
# (the client shares the machine's cores with the node).
dotnet publish tests/Dispatch.Node.Bench -c Release --disable-build-servers -o "$tmp/client" -nologo -v q -tl:off -clp:ErrorsOnly >/dev/null
for side in A B; do rm -rf "$tmp/$side/bench" && ln -s "$tmp/client" "$tmp/$side/bench"; done

# shellcheck source=scripts/bench-anchor-common.sh
source scripts/bench-anchor-common.sh
anchor_requests=200000
anchor_start
anchor_load "$anchor_port" "$anchor_requests" >/dev/null

# figure NAME LINE: the number after NAME in a bench "report: " line ("5832 calls/s, p50 9.1 ms, ...").
figure() {
  case $1 in
    calls/s) sed -n 's/^\([0-9.]*\) calls\/s.*/\1/p' <<<"$2" ;;
    *) sed -n "s/.* $1 \([0-9.]*\) ms.*/\1/p" <<<"$2" ;;
  esac
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A rows calls
for provider in $providers; do
  for round in $(seq "$rounds"); do
    for side in A B; do
      work=$tmp/$side
      dir=$(mktemp -d "$tmp/run.XXXXXX")
      dirs+=("$dir")
      echo "== $provider, round $round, $side: a node on a fresh database (load $(load))"
      new_database "$provider" "$dir" benchab
      launch_node "$dir" "${node_args[@]}"
      before=$(anchor_load "$anchor_port" "$anchor_requests")
      echo "== $provider, round $round, $side: ReportCase, $concurrency callers back to back, ${warmup} s warm-up then ${duration} s"
      out=$(report_load --warmup "$warmup") || true
      echo "$out"
      report=$(sed -n 's/^report: //p' <<<"$out")
      paced_p99=-
      if [ -n "$rate" ]; then
        echo "== $provider, round $round, $side: ReportCase offered at $rate/s, ${paced_warmup} s warm-up then ${duration} s"
        out=$(report_load --warmup "$paced_warmup" --rate "$rate") || true
        echo "$out"
        paced=$(sed -n 's/^report: //p' <<<"$out")
        paced_p99="$(figure p99 "$paced") ($(figure calls/s "$paced") calls/s, $(sed -n 's/.*ms, \([0-9]*\) errors.*/\1/p' <<<"$paced") errors)"
      fi
      after=$(anchor_load "$anchor_port" "$anchor_requests")
      stop_node
      calls[$provider-$side]+=" $(figure calls/s "$report")"
      rows[$provider]+="| $side | $round | $(figure calls/s "$report") | $(figure p50 "$report") / $(figure p99 "$report") | $(sed -n 's/.*ms, \([0-9]*\) errors.*/\1/p' <<<"$report") | $paced_p99 | ${before%.*} / ${after%.*} | $(load) |"$'\n'
    done
  done
done

block=$(
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC'), A $(git rev-parse --short "$commit_a") / B $(git rev-parse --short "$commit_b")"
  echo "- A: $(git log -1 --format='%h %s' "$commit_a")"
  echo "- B: $(git log -1 --format='%h %s' "$commit_b")"
  echo "- command: \`$command_line\` (driven by scripts/bench-ab.sh of $(git rev-parse --short HEAD)$([ -z "$(git status --porcelain)" ] || echo " + uncommitted changes"))"
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB, .NET SDK $(dotnet --version); each commit's node published from its own tree, the load client (bench driver) from this tree for both"
  echo "- per run: a fresh database, the node started, the anchor ($anchor_load_description, $anchor_requests calls, the node idle), ReportCase with $concurrency callers on $connections connection(s) back to back (${warmup} s warm-up, ${duration} s)${rate:+, then offered $rate/s (${paced_warmup} s warm-up, ${duration} s; p99 from the time each call was due)}, the anchor again; rounds alternate A, B, A, B"
  for provider in $providers; do
    median_a=$(tr ' ' '\n' <<<"${calls[$provider-A]}" | grep . | median)
    median_b=$(tr ' ' '\n' <<<"${calls[$provider-B]}" | grep . | median)
    echo
    echo "$provider:"
    echo
    echo "| rev | round | calls/s | p50 / p99 ms | errors | paced p99 ms (achieved) | anchor req/s before / after | load after |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s' "${rows[$provider]}"
    echo
    echo "- $provider median calls/s: A $median_a, B $median_b; **B/A $(awk -v a="$median_a" -v b="$median_b" 'BEGIN { if (a > 0) printf "%.3f", b / a; else print "-" }')**"
  done
)
printf '\n%s\n' "$block"

append_results "## Intake A/B" scripts/bench-ab.sh "$block"
