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
# and waits until it answers; sets node_pid and grpc_port.
launch_node() {
  local dir=$1 http_port
  shift
  grpc_port=$(free_port)
  http_port=$(free_port)
  dotnet "$work/node/Dispatch.Node.dll" --Node:GrpcPort="$grpc_port" --Node:HttpPort="$http_port" \
    --Node:DataDirectory="$dir" --Node:SeedDemo=true "${db_args[@]}" "$@" >>"$dir/node.log" 2>&1 &
  node_pid=$!
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$http_port/" >/dev/null 2>&1 && return 0
    kill -0 "$node_pid" 2>/dev/null || break
    sleep 0.2
  done
  cat "$dir/node.log" >&2
  echo "the node did not start" >&2
  return 1
}
