#!/usr/bin/env bash
# The local platform as one process per node: district, town, village-a and village-b, each running
# `Dispatch.Node.dll --cluster-member ID` from the Release build of src/Dispatch.Node (built once when
# missing or older than the sources) on loopback only.
#
#   scripts/cluster.sh start                  start every member not running (district first), wait for their ports
#   scripts/cluster.sh stop                   stop every member (SIGTERM, SIGKILL after 15 s)
#   scripts/cluster.sh status                 one line per member: running (pid, ports) or stopped
#   scripts/cluster.sh start-member MEMBER    start one member and wait for its ports
#   scripts/cluster.sh stop-member MEMBER     stop one member (SIGTERM, SIGKILL after 15 s)
#   scripts/cluster.sh kill MEMBER            SIGKILL one member: no shutdown code runs (fault drills)
#
# Options (anywhere): --dir DIR       working directory (default /tmp/dispatch-cluster): the nodes' data/
#                                     (SQLite databases, cluster-keys.json), run/MEMBER.pid, logs/MEMBER.log
#                     --port-offset N add N to every port (default 0, or the offset DIR was started with),
#                                     so a second cluster runs beside the platform on the default ports
#                     --tls           HTTPS on every port and mutual TLS between tiers, with the certificates of
#                                     scripts/certs.sh in DIR/data/certs (made when missing); give it to every start
#                     -- ARGS...      extra arguments for the node(s) started, e.g. -- --Node:ParentCallTimeout=00:00:01
# Ports without an offset: district 5101 (gRPC) / 5100 (web), town 5201/5200, village-a 5301/5300,
# village-b 5401/5400 (as in src/Dispatch.Node/Hosting/LocalCluster.cs). START_TIMEOUT (s, default 90).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)

members=(district town village-a village-b)
declare -A grpc_port=([district]=5101 [town]=5201 [village-a]=5301 [village-b]=5401)
declare -A web_port=([district]=5100 [town]=5200 [village-a]=5300 [village-b]=5400)
dll=$top/src/Dispatch.Node/bin/Release/net10.0/Dispatch.Node.dll
start_timeout=${START_TIMEOUT:-90}
stop_timeout=15

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

dir=/tmp/dispatch-cluster
offset=""
tls=0
command=""
member=""
node_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) [ $# -ge 2 ] || usage; dir=$2; shift 2 ;;
    --port-offset) [ $# -ge 2 ] || usage; offset=$2; shift 2 ;;
    --tls) tls=1; shift ;;
    --) shift; node_args=("$@"); break ;;
    -h | --help) usage ;;
    *)
      if [ -z "$command" ]; then command=$1
      elif [ -z "$member" ]; then member=$1
      else usage
      fi
      shift ;;
  esac
done

case "$command" in
  start | stop | status) [ -z "$member" ] || usage ;;
  kill | start-member | stop-member)
    [ -n "$member" ] || usage
    [ -n "${grpc_port[$member]:-}" ] || { echo "unknown member '$member'; members: ${members[*]}" >&2; exit 2; } ;;
  *) usage ;;
esac

mkdir -p "$dir/run" "$dir/logs"
dir=$(cd "$dir" && pwd)

# The offset is remembered with the working directory, so later commands find the same ports.
remembered=$(cat "$dir/run/port-offset" 2>/dev/null || true)
offset=${offset:-${remembered:-0}}
[[ "$offset" =~ ^[0-9]+$ ]] && [ "$offset" -le 60000 ] || { echo "--port-offset must be a whole number up to 60000" >&2; exit 2; }
if [ -n "$remembered" ] && [ "$offset" != "$remembered" ] && ls "$dir"/run/*.pid >/dev/null 2>&1; then
  echo "$dir was started with --port-offset $remembered; stop its members before changing it" >&2
  exit 2
fi
echo "$offset" >"$dir/run/port-offset"
scheme=http
if [ "$tls" = 1 ]; then
  scheme=https
  "$top/scripts/certs.sh" "$dir/data/certs" >&2
  node_args=(--tls "${node_args[@]}")
fi
grpc() { echo $((grpc_port[$1] + offset)); }
web() { echo $((web_port[$1] + offset)); }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

listening() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The member's pid if its pid file names a live node process of this member, else nothing.
pid_of() {
  local file=$dir/run/$1.pid pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--cluster-member $1 "; then
    echo "$pid"
  fi
}

ensure_built() {
  if [ -f "$dll" ] && [ -z "$(find "$top/src" "$top/protos" -newer "$dll" \( -name '*.cs' -o -name '*.csproj' -o -name '*.proto' -o -name '*.json' \) -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    return
  fi
  log "building src/Dispatch.Node (Release)"
  dotnet build "$top/src/Dispatch.Node" -c Release -nologo -v q -tl:off -clp:ErrorsOnly >&2
}

# Launches one member in the background; returns at once (wait_ready waits for it).
launch() {
  local id=$1 pid
  pid=$(pid_of "$id")
  if [ -n "$pid" ]; then
    log "$id already running (pid $pid)"
    return
  fi
  for port in "$(grpc "$id")" "$(web "$id")"; do
    if listening "$port"; then
      echo "$id: port $port on 127.0.0.1 is taken by another process (try --port-offset)" >&2
      exit 1
    fi
  done
  printf '\n--- %s starting %s\n' "$(date -Is)" "$id" >>"$dir/logs/$id.log"
  (
    cd "$dir"
    exec nohup dotnet "$dll" --cluster-member "$id" --cluster-port-offset "$offset" "${node_args[@]}" \
      >>"$dir/logs/$id.log" 2>&1 </dev/null
  ) &
  echo $! >"$dir/run/$id.pid"
}

# Waits until the member listens on both its ports; fails with its log's tail if it exits first.
wait_ready() {
  local id=$1 pid deadline=$((SECONDS + start_timeout))
  pid=$(cat "$dir/run/$id.pid")
  until listening "$(grpc "$id")" && listening "$(web "$id")"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$id exited while starting; last lines of $dir/logs/$id.log:" >&2
      tail -n 20 "$dir/logs/$id.log" >&2
      rm -f "$dir/run/$id.pid"
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$id did not listen on 127.0.0.1:$(grpc "$id") within ${start_timeout} s; see $dir/logs/$id.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  log "$id ready (pid $pid): gRPC $scheme://127.0.0.1:$(grpc "$id"), web $scheme://127.0.0.1:$(web "$id")"
}

# Signals a member and waits for it to go; SIGTERM escalates to SIGKILL after a while.
stop() {
  local id=$1 signal=$2 pid deadline=$((SECONDS + stop_timeout))
  pid=$(pid_of "$id")
  if [ -z "$pid" ]; then
    rm -f "$dir/run/$id.pid"
    log "$id not running"
    return
  fi
  kill "-$signal" "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$signal" = TERM ] && [ "$SECONDS" -ge "$deadline" ]; then
      log "$id still running after ${stop_timeout} s; SIGKILL"
      signal=KILL
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.1
  done
  rm -f "$dir/run/$id.pid"
  log "$id stopped (SIG$signal, pid $pid)"
}

status() {
  local id pid state
  for id in "${members[@]}"; do
    pid=$(pid_of "$id")
    if [ -n "$pid" ]; then
      state="running  pid $pid"
    else
      state="stopped"
    fi
    printf '%-10s %-18s gRPC 127.0.0.1:%s  web 127.0.0.1:%s\n' "$id" "$state" "$(grpc "$id")" "$(web "$id")"
  done
}

case "$command" in
  start)
    ensure_built
    # The district first: the first member to start writes data/cluster-keys.json for all links.
    launch district
    wait_ready district
    for id in town village-a village-b; do launch "$id"; done
    for id in town village-a village-b; do wait_ready "$id"; done
    log "cluster running in $dir"
    ;;
  start-member)
    ensure_built
    launch "$member"
    wait_ready "$member"
    ;;
  stop)
    for id in "${members[@]}"; do stop "$id" TERM & done
    wait
    ;;
  stop-member) stop "$member" TERM ;;
  kill) stop "$member" KILL ;;
  status) status ;;
esac
