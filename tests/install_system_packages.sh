#!/bin/sh
# Browser tests drive Debian's chromium through Playwright; the report tests render PDF
# pages with pdftoppm (poppler-utils). Install them when missing (CI runs as root on a
# clean machine); elsewhere say what to install.
set -e
if command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium atau pdftoppm tidak ada: memasang paket Debian chromium dan poppler-utils ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core poppler-utils >/dev/null
else
  echo "chromium dan pdftoppm diperlukan untuk uji: sudo apt-get install chromium poppler-utils" >&2
  exit 1
fi
