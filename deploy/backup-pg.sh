#!/bin/sh
# The national backup: pg_dump of the system of record (tables, accounts, upload archive)
# into FOLDER/waspada-YYYYMMDD-HHMMSS.dump, checked by listing it. Restore: restore-pg.sh.
set -eu
folder="${1:?usage: backup-pg.sh FOLDER}"
url="${WASPADA_DATABASE_URL:?WASPADA_DATABASE_URL is not set}"
mkdir -p "$folder"
out="$folder/waspada-$(date -u +%Y%m%d-%H%M%S).dump"
pg_dump --format=custom --file="$out.tmp" "$url"
pg_restore --list "$out.tmp" >/dev/null   # a damaged dump fails here, not at restore time
mv "$out.tmp" "$out"
echo "$out"
