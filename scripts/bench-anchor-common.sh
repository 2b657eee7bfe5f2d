# Shared by the benchmarks that measure against the grpc-go echo anchor (shared/anchors/grpc-go-echo):
# scripts/bench-grpc.sh, scripts/bench-node.sh and scripts/bench-escalation.sh. Sourced after `top` is set.
# Builds the anchor into artifacts/anchor, and gives `anchor_start` (starts it, sets anchor_port and
# anchor_pid), `anchor_load PORT COUNT` (h2load, prints req/s, fails unless every call echoed), `anchor_stop`,
# and `free_port` unless the script has one.

shared=${SHARED_DIR:-$top/../shared}
anchor_dir=$top/artifacts/anchor
scripts/install-bench-deps.sh
mkdir -p "$anchor_dir"
echo "building the grpc-go anchor..." >&2
bash "$shared/anchors/grpc-go-echo/build.sh" "$anchor_dir/goanchor"

declare -F free_port >/dev/null || free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# One gRPC frame: not compressed, 4-byte big-endian length 16, then a 16-byte message. The message is a
# serialised bench.Blob (tests/Dispatch.Grpc.Bench/Protos/echo.proto: field 1, 14 bytes) so that the
# grpc-dotnet echo server parses it; the anchor echoes any bytes, and both send back the same 16.
anchor_body=$anchor_dir/body.bin
printf '\x00\x00\x00\x00\x10\x0a\x0e%s' 0123456789abcd >"$anchor_body"
anchor_frame_bytes=21
anchor_load_args=(-c 16 -m 10 -t 1 -d "$anchor_body" -H 'content-type: application/grpc' -H 'te: trailers')
anchor_load_description="h2load -c 16 -m 10 -t 1, unary /bench.Echo/Call, 16-byte message"

wait_for_port() {
  for _ in $(seq 150); do
    (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}

anchor_pid=
anchor_start() {
  anchor_port=$(free_port)
  "$anchor_dir/goanchor" -addr "127.0.0.1:$anchor_port" >"$anchor_dir/anchor.log" 2>&1 &
  anchor_pid=$!
  wait_for_port "$anchor_port"
}

anchor_stop() {
  [ -z "$anchor_pid" ] || { kill "$anchor_pid" 2>/dev/null || true; wait "$anchor_pid" 2>/dev/null || true; }
  anchor_pid=
}

# anchor_load PORT COUNT: prints req/s. h2load counts any HTTP 200 as success, and a gRPC error is an
# HTTP 200 too, so the run only counts when every response carried the echoed frame back.
anchor_load() {
  local out ok data
  out=$(h2load -n "$2" "${anchor_load_args[@]}" "http://127.0.0.1:$1/bench.Echo/Call")
  ok=$(sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p' <<<"$out")
  data=$(sed -n 's/^traffic: .*(\([0-9]*\)) data.*/\1/p' <<<"$out")
  if [ "$ok" != "$2" ] || [ "$data" != $(($2 * anchor_frame_bytes)) ]; then
    printf '%s\n' "$out" >&2
    echo "h2load against 127.0.0.1:$1: not every call returned the echo" >&2
    return 1
  fi
  sed -n 's/^finished in .*, \([0-9.]*\) req\/s.*/\1/p' <<<"$out"
}
