#!/usr/bin/env bash
# Makes a local certificate authority and one certificate per node with openssl, for running the platform
# over TLS on this machine (scripts/run.sh --tls calls it). Not for production: use your own CA's certificates.
#
#   scripts/certs.sh [DIR] [NODE...]
#
# DIR (default data/certs, not committed): ca.crt + ca.key, and per node NODE.crt + NODE.key: an ECDSA P-256
# certificate for both ends of a link (serverAuth and clientAuth) whose subject CN and a DNS name are the node's
# id (what a parent checks against the registered child) and which is valid for localhost and 127.0.0.1.
# NODE defaults to the local platform's members: district town village-a village-b.
# Idempotent: keeps what exists; makes what is missing; remakes a node certificate that its CA does not verify.
set -euo pipefail
umask 077
if [ $# -gt 0 ]; then
  mkdir -p "$1"
  dir=$(cd "$1" && pwd)
  shift
else
  dir=$(cd "$(dirname "$0")/.." && pwd)/data/certs
fi
nodes=("$@")
[ ${#nodes[@]} -gt 0 ] || nodes=(district town village-a village-b)
days=825
mkdir -p "$dir"

if [ ! -s "$dir/ca.crt" ] || [ ! -s "$dir/ca.key" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days "$days" \
    -keyout "$dir/ca.key" -out "$dir/ca.crt" -subj "/CN=Dispatch local CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  chmod 644 "$dir/ca.crt"
  echo "made $dir/ca.crt"
fi

for node in "${nodes[@]}"; do
  if [ -s "$dir/$node.crt" ] && [ -s "$dir/$node.key" ] && openssl verify -CAfile "$dir/ca.crt" "$dir/$node.crt" >/dev/null 2>&1; then
    continue
  fi
  extensions=$(mktemp)
  trap 'rm -f "$extensions" "$dir/$node.csr"' EXIT
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=DNS:$node,DNS:localhost,IP:127.0.0.1" >"$extensions"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
    -keyout "$dir/$node.key" -out "$dir/$node.csr" -subj "/CN=$node" 2>/dev/null
  openssl x509 -req -in "$dir/$node.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
    -sha256 -days "$days" -extfile "$extensions" -out "$dir/$node.crt" 2>/dev/null
  rm -f "$extensions" "$dir/$node.csr"
  trap - EXIT
  chmod 644 "$dir/$node.crt"
  echo "made $dir/$node.crt"
done
