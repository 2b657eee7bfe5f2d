#!/usr/bin/env bash
# Debian packages the tests need: python3-grpcio and python3-protobuf are the independent gRPC
# implementation of the interop tests; protoc generates their Python stubs; iproute2 (ip, tc, ss)
# makes the network namespaces of the partition tests (tests/Dispatch.Cluster.Tests); chromium and
# chromium-driver are the browser of the dashboard's browser tests (tests/Dispatch.Node.Tests/Browser,
# driven by Selenium at /usr/bin/chromium and /usr/bin/chromedriver; nothing is downloaded), with a font
# for Chinese text (fonts-wqy-microhei) so its screenshots are legible; openssl makes the local certificates
# (scripts/certs.sh, its test); npm installs buf for the contract checks (scripts/contract-check.py), from Debian
# only when no npm is on PATH (a Node.js from elsewhere brings its own). Idempotent.
set -euo pipefail
command -v npm >/dev/null || "$(dirname "$0")/apt-ensure.sh" nodejs npm
exec "$(dirname "$0")/apt-ensure.sh" python3-grpcio python3-protobuf protobuf-compiler iproute2 chromium chromium-driver fonts-wqy-microhei openssl
