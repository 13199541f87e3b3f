#!/usr/bin/env bash
# Runs Footprint's whole test suite. The end-to-end tests compare the built `footprint` with the
# independent DuckDB reference in ../shared/bench, so this installs the duckdb Python package if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/prerequisites.sh
if ! python3 -c 'import duckdb' 2>/dev/null; then
  python3 -m pip install --quiet duckdb
fi
swift test "$@"
