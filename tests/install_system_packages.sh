#!/bin/sh
# Browser tests drive Debian's chromium through Playwright; the report tests render PDF
# pages with pdftoppm (poppler-utils); the cluster tests start a throwaway PostgreSQL
# (tests/pg_fixture.py) and `make cluster` puts nginx in front of three replicas. Install
# what is missing (CI runs as root on a clean machine); elsewhere say what to install.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium fonts-dejavu-core"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "memasang paket Debian:$missing ..."
  apt-get update -qq
  # The tests and `make cluster` start their own PostgreSQL and nginx in temporary folders;
  # the packages' own services are not used.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "diperlukan untuk uji: sudo apt-get install$missing" >&2
  exit 1
fi
