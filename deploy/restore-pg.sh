#!/bin/sh
# Restore a dump of backup-pg.sh into an EMPTY database (create it first: createdb), then
# point the replicas at it. A replica whose copy is ahead of the restored database (its last
# change id is higher) starts its copy again by itself (waspada.pg.replica.refresh).
set -eu
dump="${1:?usage: restore-pg.sh FILE.dump URL}"
url="${2:?usage: restore-pg.sh FILE.dump URL}"
pg_restore --list "$dump" >/dev/null
pg_restore --exit-on-error --no-owner --dbname="$url" "$dump"
echo "restored $dump into $url"
