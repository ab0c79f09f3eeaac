#!/bin/sh
# Browser tests drive Debian's chromium through Playwright. Install it when missing
# (CI runs as root on a clean machine); elsewhere say what to install.
set -e
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium tidak ada: memasang paket Debian chromium ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
else
  echo "chromium diperlukan untuk uji peramban: sudo apt-get install chromium" >&2
  exit 1
fi
