#!/usr/bin/env bash
# Online backups of SQLite nodes, taken beside the running nodes by the node program's `backup` verb (one snapshot
# through SQLite's backup API, checked with PRAGMA integrity_check, written under a temporary name and renamed).
#
#   scripts/backup.sh [NODE_DIR ...]   back up each NODE_DIR/node.db (default: every data/*/node.db of the local
#                                      platform, i.e. district, town, village-a, village-b under scripts/run.sh)
#                                      into backups/<UTC time>/<node dir name>.db
#   scripts/backup.sh --restore FILE NODE_DIR
#                                      check FILE and make it NODE_DIR/node.db (NODE_DIR must hold no database)
#
# BACKUP_DIR (backups) moves the output. Uses the Release build of src/Dispatch.Node (built when missing).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
dll=$top/src/Dispatch.Node/bin/Release/net10.0/Dispatch.Node.dll
[ -f "$dll" ] || dotnet build "$top/src/Dispatch.Node" -c Release -nologo -v q -tl:off -clp:ErrorsOnly >&2
node() { dotnet "$dll" "$@"; }

if [ "${1:-}" = --restore ]; then
  [ $# -eq 3 ] || { echo "usage: $0 --restore FILE NODE_DIR" >&2; exit 2; }
  exec dotnet "$dll" restore --from "$2" --into "$3"
fi

dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  for db in data/*/node.db; do [ -f "$db" ] && dirs+=("$(dirname "$db")"); done
fi
[ ${#dirs[@]} -gt 0 ] || { echo "no node databases found (data/*/node.db); name the node directories" >&2; exit 2; }

out=${BACKUP_DIR:-backups}/$(date -u +%Y%m%dT%H%M%SZ)
failed=0
for dir in "${dirs[@]}"; do
  node backup --database "$dir" --to "$out/$(basename "$dir").db" || failed=1
done
exit "$failed"
