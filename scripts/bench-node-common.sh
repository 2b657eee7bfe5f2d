# Shared by the node benchmarks (scripts/bench-node.sh, scripts/bench-deadlines.sh, scripts/bench-ab.sh): publishes
# the node and the bench driver into $work, and the helpers around them. Sourced after `work` is set; with
# publish_work=no set before, it publishes nothing (scripts/bench-ab.sh publishes each commit's tree with
# publish_tree and points `work` at one of them before each run).

# publish_tree SOURCE DIR: publishes the node and the bench driver of the source tree SOURCE (Release) into
# DIR/node and DIR/bench.
publish_tree() {
  mkdir -p "$2"
  dotnet publish "$1/src/Dispatch.Node" -c Release --disable-build-servers -o "$2/node" -nologo -v q -tl:off -clp:ErrorsOnly >/dev/null
  dotnet publish "$1/tests/Dispatch.Node.Bench" -c Release --disable-build-servers -o "$2/bench" -nologo -v q -tl:off -clp:ErrorsOnly >/dev/null
}

if [ "${publish_work:-yes}" != no ]; then
  echo "publishing the node and the bench (Release)..."
  publish_tree . "$work"
fi
bench() { dotnet "$work/bench/Dispatch.Node.Bench.dll" "$@"; }

# report_load ARGS...: one ReportCase run of the bench against the running node, with the caller's
# concurrency, connections and duration; prints the bench's output (its "report: " line among it).
report_load() {
  bench report --address "http://127.0.0.1:$grpc_port" --concurrency "$concurrency" --connections "$connections" \
    --duration "$duration" --node-pid "$node_pid" "$@"
}

# append_results SECTION SCRIPT BLOCK: adds BLOCK to scripts/bench-results.md as the newest (last) entry of
# SECTION ("## ..."), the section made, as appended by SCRIPT, if the file has none yet. APPEND=no: print only
# (trial runs).
append_results() {
  local section=$1 script=$2 block=$3 results=scripts/bench-results.md
  if [ "${APPEND:-yes}" = no ]; then
    echo "APPEND=no: not added to $results"
    return 0
  fi
  [ -f "$results" ] || printf '# Benchmark results\n' >"$results"
  if ! grep -qxF "$section" "$results"; then
    printf '\n%s\n\nAppended by %s, newest last.\n' "$section" "$script" >>"$results"
  fi
  # Newest last within the section: before the next "## " heading, if another section follows.
  python3 - "$results" "$section" "$block" <<'PY'
import sys
path, section, block = sys.argv[1:]
lines = open(path, encoding="utf-8").read().rstrip("\n").split("\n")
start = lines.index(section)
end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
lines[end:end] = [""] + block.split("\n") + ([""] if end < len(lines) else [])
open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
  echo "added to $results"
}

node_pid=
dirs=()
databases=()
pg_base=
cleanup() {
  [ -z "$node_pid" ] || { kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }
  ! declare -F anchor_stop >/dev/null || anchor_stop
  for db in "${databases[@]}"; do
    PGPASSWORD=dispatch psql "$(pg_url postgres)" -qAtc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  done
  for dir in "${dirs[@]}"; do rm -rf "$dir"; done
}
trap cleanup EXIT

# "Host=...;Port=...;Database=...;..." -> postgresql://user@host:port/DB
pg_url() {
  local host port user
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$pg_base")
  port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$pg_base")
  user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$pg_base")
  echo "postgresql://$user@$host:$port/$1"
}

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

stop_node() {
  kill "$node_pid" 2>/dev/null || true
  wait "$node_pid" 2>/dev/null || true
  node_pid=
}

# new_database PROVIDER DIR PREFIX: a fresh database for the provider (a new PostgreSQL database named
# PREFIX_..., dropped at exit; or DIR/node.db); sets connection and db_args.
new_database() {
  local provider=$1 dir=$2 prefix=$3
  if [ "$provider" = postgres ]; then
    pg_base=$(scripts/postgres.sh start)
    local db="${prefix}_$(date +%s)_$$"
    databases+=("$db")
    connection=${pg_base/Database=dispatch/Database=$db}
    db_args=(--Database:Provider=Postgres "--ConnectionStrings:Dispatch=$connection")
  else
    connection="Data Source=$dir/node.db"
    db_args=(--Database:Provider=Sqlite "--ConnectionStrings:Dispatch=$connection")
  fi
}

# launch_node DIR ARGS...: starts a node on the database new_database made, its log added to DIR/node.log,
# and waits until it answers; sets node_pid, grpc_port and http_port (the web port: sign-in, dashboards).
launch_node() {
  local dir=$1
  shift
  grpc_port=$(free_port)
  http_port=$(free_port)
  dotnet "$work/node/Dispatch.Node.dll" --Node:GrpcPort="$grpc_port" --Node:HttpPort="$http_port" \
    --Node:DataDirectory="$dir" --Node:SeedDemo=true "${db_args[@]}" "$@" >>"$dir/node.log" 2>&1 &
  node_pid=$!
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$http_port/signin" >/dev/null 2>&1 && return 0
    kill -0 "$node_pid" 2>/dev/null || break
    sleep 0.2
  done
  cat "$dir/node.log" >&2
  echo "the node did not start" >&2
  return 1
}
