#!/usr/bin/env bash
# Installs what building Footprint needs beyond Swift, when it is missing: the SQLite library and
# headers (the workspace store) and zlib's (the xlsx reader inflates workbook parts). Uses apt-get on
# Debian/Ubuntu; elsewhere it says what to install.
set -euo pipefail
[ "$(uname)" = Darwin ] && exit 0
missing=()
[ -f /usr/include/sqlite3.h ] || [ -f /usr/local/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/zlib.h ] || [ -f /usr/local/include/zlib.h ] || missing+=(zlib1g-dev)
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null; then
  echo "installing ${missing[*]} (SQLite for the workspace, zlib for xlsx workbooks) ..." >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }
else
  echo "error: development files are missing: ${missing[*]} (or your system's equivalents, e.g. sqlite-devel, zlib-devel)" >&2
  exit 1
fi
