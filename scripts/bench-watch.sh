#!/usr/bin/env bash
# Many open WatchCases streams on one node (SQLite by default; PROVIDER=postgres for scripts/postgres.sh's server):
# the bench's watch-hold mode opens STREAMS streams as the dispatcher, reports RATE cases a second for HOLD seconds
# while they are open, then closes them; it prints the node's resident memory before, while open and SETTLE s after
# closing, and health-check times meanwhile. Loopback only. Adds a results block to scripts/bench-results.md under
# "Watch streams". Environment: PROVIDER (sqlite), STREAMS (1000), HOLD (20), RATE (20), SETTLE (10), NODE_ARGS;
# WORK and PUBLISH=no run a node and bench published before (publish_tree of scripts/bench-node-common.sh).
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

provider=${PROVIDER:-sqlite}
streams=${STREAMS:-1000}
hold=${HOLD:-20}
rate=${RATE:-20}
settle=${SETTLE:-10}
work=${WORK:-$top/artifacts/node-bench}
publish_work=${PUBLISH:-yes}
read -ra node_args <<<"${NODE_ARGS:-}"
command_line="scripts/bench-watch.sh (PROVIDER=$provider STREAMS=$streams HOLD=$hold RATE=$rate SETTLE=$settle${NODE_ARGS:+ NODE_ARGS=\"$NODE_ARGS\"})"

# shellcheck source=scripts/bench-node-common.sh
source scripts/bench-node-common.sh

dir=$(mktemp -d "/tmp/dispatch-watch-bench.XXXXXX")
dirs+=("$dir")
new_database "$provider" "$dir" watchbench
launch_node "$dir" "--Logging:LogLevel:Default=Warning" "${node_args[@]}"
load_before=$(load)
out=$(bench watch-hold --address "http://127.0.0.1:$grpc_port" --streams "$streams" --hold "$hold" --rate "$rate" \
  --settle "$settle" --node-pid "$node_pid")
echo "$out"
block="### $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src tests || echo ' + uncommitted changes')
- command: \`$command_line\`
- load average $load_before -> $(load)

\`\`\`
$out
\`\`\`"
append_results "## Watch streams" scripts/bench-watch.sh "$block"
