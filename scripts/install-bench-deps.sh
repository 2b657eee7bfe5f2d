#!/usr/bin/env bash
# Debian packages the benchmark needs: h2load (nghttp2-client) and the Go toolchain with Debian's
# packaged grpc-go sources for the anchor server (shared/anchors/grpc-go-echo). Idempotent.
set -euo pipefail
exec "$(dirname "$0")/apt-ensure.sh" nghttp2-client golang-go golang-google-grpc-dev
