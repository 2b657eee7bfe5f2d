# Shared by the node benchmarks (scripts/bench-node.sh, scripts/bench-deadlines.sh): publishes the node and the
# bench driver into $work, and the helpers around them. Sourced after `work` is set.

echo "publishing the node and the bench (Release)..."
mkdir -p "$work"
dotnet publish src/Dispatch.Node -c Release --disable-build-servers -o "$work/node" -nologo -v q -tl:off -clp:ErrorsOnly >/dev/null
dotnet publish tests/Dispatch.Node.Bench -c Release --disable-build-servers -o "$work/bench" -nologo -v q -tl:off -clp:ErrorsOnly >/dev/null
bench() { dotnet "$work/bench/Dispatch.Node.Bench.dll" "$@"; }

node_pid=
dirs=()
databases=()
pg_base=
cleanup() {
  [ -z "$node_pid" ] || { kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }
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
