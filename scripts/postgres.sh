#!/usr/bin/env bash
# A private PostgreSQL server for tests and benchmarks: scripts/postgres.sh start|stop|status.
#   start   installs Debian's postgresql if missing, creates the cluster on first use, starts it and
#           prints its connection string (the only line on stdout); does nothing but print when running
#   stop    stops the server (the cluster is kept, so the next start is quick)
#   status  prints "running <connection string>" (exit 0) or "stopped" (exit 3)
# The cluster lives in $DISPATCH_PG_DIR (default /tmp/dispatch-postgres), owned by the postgres user
# when run as root, listens only on 127.0.0.1:$DISPATCH_PG_PORT (default 55432) and has a login role
# "dispatch" (password "dispatch") that may create databases. Messages go to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${DISPATCH_PG_DIR:-/tmp/dispatch-postgres}
port=${DISPATCH_PG_PORT:-55432}
data=$dir/data
log=$dir/server.log
conn="Host=127.0.0.1;Port=$port;Database=dispatch;Username=dispatch;Password=dispatch"

say() { echo "postgres.sh: $*" >&2; }

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] && [ -x "$found/pg_ctl" ] && echo "$found"
}

# The server refuses to run as root: as root, everything runs as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

is_running() {
  [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

psql_admin() {
  as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

create_cluster() {
  say "creating cluster in $data"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$data" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # Only loopback TCP and a socket inside the private directory.
  as_owner tee -a "$data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
# Backends that write out dirty pages (most of them under the intake benchmark: 4.7M of 5.9M) ask the kernel
# to write them to disk every 512 kB instead of leaving them dirty for its 30 s writeback, whose bursts held
# a WAL sync (a commit) for 50-60 ms and stalled every caller (scripts/bench-results.md, 2026-11-29).
backend_flush_after = 512kB
EOF
}

ensure_role() {
  psql_admin <<'EOF'
SELECT 'CREATE ROLE dispatch LOGIN CREATEDB' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dispatch')
\gexec
ALTER ROLE dispatch WITH LOGIN CREATEDB PASSWORD 'dispatch';
SELECT 'CREATE DATABASE dispatch OWNER dispatch' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'dispatch')
\gexec
EOF
}

start() {
  if [ -z "$(bindir)" ]; then
    say "installing postgresql"
    scripts/apt-ensure.sh postgresql
  fi
  bin=$(bindir) || { say "no PostgreSQL binaries under /usr/lib/postgresql"; exit 1; }
  if ! is_running; then
    [ -f "$data/PG_VERSION" ] || create_cluster
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null ||
      { tail -n 20 "$log" >&2; say "server did not start"; exit 1; }
    ensure_role
  fi
  echo "$conn"
}

stop() {
  bin=$(bindir) || exit 0
  if is_running; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    say "stopped"
  fi
}

status() {
  bin=$(bindir) || { echo "stopped"; exit 3; }
  if is_running; then echo "running $conn"; else echo "stopped"; exit 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
