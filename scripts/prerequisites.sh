#!/usr/bin/env bash
# Installs what building Footprint needs beyond Swift, when it is missing: the SQLite library and
# headers (the workspace store). Uses apt-get on Debian/Ubuntu; elsewhere it says what to install.
set -euo pipefail
if [ -f /usr/include/sqlite3.h ] || [ -f /usr/local/include/sqlite3.h ] || [ "$(uname)" = Darwin ]; then
  exit 0
fi
if command -v apt-get >/dev/null; then
  echo "installing libsqlite3-dev (SQLite, for the workspace) ..." >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libsqlite3-dev >/dev/null \
    || { $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libsqlite3-dev >/dev/null; }
else
  echo "error: the SQLite development files are missing; install them (e.g. libsqlite3-dev, sqlite-devel)" >&2
  exit 1
fi
