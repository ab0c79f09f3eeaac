#!/bin/sh
# Restore Waspada from one backup folder made by scripts/backup.sh: checks every file against
# its MANIFEST.json first, then puts the databases in place (safe while the dashboard runs;
# open pages reload the restored data) and moves the current uploads/ aside.
#   scripts/restore.sh backups/waspada-YYYYMMDD-HHMMSS
set -eu
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "pemakaian: scripts/restore.sh FOLDER_CADANGAN" >&2; exit 2; }
exec .venv/bin/python -m waspada backup restore "$1"
