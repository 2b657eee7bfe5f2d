#!/usr/bin/env bash
# Issue 22's dashboard targets on one node (SQLite), measured in headless Debian chromium (scripts/install-deps.sh)
# driven by the bench's dashboard-* modes (Selenium at /usr/bin/chromedriver; nothing is downloaded):
#  1. first render with FILL cases in the node: the queue page and a case's page, ROUNDS fresh loads each after one
#     cold load, from navigation start (Navigation Timing's origin) to the first queue row / the case page's hook in
#     the DOM, and to the page being interactive (its Blazor circuit up); targets < 1 s and < 300 ms;
#  2. live: REPORTS cases reported over gRPC, 100 ms apart, while a queue page is open: call sent to the case's row
#     in the page (p99; target < 500 ms);
#  3. hold: DASHBOARDS queue pages (tabs of BROWSERS chromium processes) open for HOLD seconds while the bench
#     reports at RATE/s: every page still connected, error-free and live at the end; node RSS; errors in the node's log.
# Loopback only. Prints a results block and adds it to scripts/bench-results.md under "Dashboard" (APPEND=no: print only).
# Environment: FILL (1000000; 10000 for a quick check), ROUNDS (20), REPORTS (200), DASHBOARDS (50), BROWSERS (5),
# HOLD (60), RATE (1000), ROW / DETAIL (CSS selectors of a queue row and of the case page's hook).
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"

fill=${FILL:-1000000}
rounds=${ROUNDS:-20}
reports=${REPORTS:-200}
dashboards=${DASHBOARDS:-50}
browsers=${BROWSERS:-5}
hold=${HOLD:-60}
rate=${RATE:-1000}
row=${ROW:-tbody tr[data-case]}
detail=${DETAIL:-[data-test=\"case-number\"]}
work=$top/artifacts/node-bench
command_line="scripts/bench-dashboard.sh (FILL=$fill ROUNDS=$rounds REPORTS=$reports DASHBOARDS=$dashboards BROWSERS=$browsers HOLD=$hold RATE=$rate)"

scripts/install-deps.sh
# shellcheck source=scripts/bench-node-common.sh
source scripts/bench-node-common.sh

start_node() { launch_node "$dir" "--Logging:LogLevel:Default=Warning"; }

dir=$(mktemp -d "/tmp/dispatch-dashboard-bench.XXXXXX")
dirs+=("$dir")
new_database sqlite "$dir" dashboardbench
start_node
stop_node
echo "== filling to $fill cases"
bench fill --provider sqlite --connection "$connection" --cases "$fill" | tail -n 2 | head -n 1
start_node
site=http://127.0.0.1:$http_port
address=http://127.0.0.1:$grpc_port
rss_idle=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$node_pid/status")
dashboard() { bench "$@" --site "$site" --address "$address" --row "$row" --detail "$detail"; }

echo "== first render, $fill cases (node idle at ${rss_idle} MiB, load $(load))"
render=$(dashboard dashboard-render --rounds "$rounds") || true
echo "$render"
echo "== live: $reports reports while a queue page is open (load $(load))"
live=$(dashboard dashboard-live --reports "$reports") || true
echo "$live"
echo "== hold: $dashboards dashboards, intake at $rate/s for $hold s (load $(load))"
held=$(dashboard dashboard-hold --dashboards "$dashboards" --browsers "$browsers" --duration "$hold" --rate "$rate" --node-pid "$node_pid") || true
echo "$held"
node_errors=$(grep -c '^fail:' "$dir/node.log" || true)
stop_node

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain)" ] || commit+=" + uncommitted changes"
block=$(
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo "- command: \`$command_line\`"
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB, .NET SDK $(dotnet --version), $(/usr/bin/chromium --version 2>/dev/null | head -n 1), SQLite, node idle RSS ${rss_idle} MiB"
  echo
  echo '```'
  printf '%s\n' "$render" "$live" "$held" | grep -E '^(dashboard-|report: )'
  echo "node log: $node_errors error lines (fail:)"
  echo '```'
)
printf '\n%s\n' "$block"

append_results "## Dashboard" scripts/bench-dashboard.sh "$block"
