#!/bin/sh
# Back up Waspada: data/waspada.duckdb, data/accounts.duckdb and data/uploads/ into a new
# backups/waspada-YYYYMMDD-HHMMSS/ (safe while the dashboard runs). Run from cron/systemd
# timer, then copy the folder off the machine (docs/deployment.md).
#   scripts/backup.sh [TARGET_DIR]        (WASPADA_DB / WASPADA_ACCOUNTS_DB are honoured)
set -eu
cd "$(dirname "$0")/.."
exec .venv/bin/python -m waspada backup create --to "${1:-backups}"
