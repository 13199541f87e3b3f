#!/usr/bin/env bash
# Runs Footprint's whole test suite. The end-to-end tests compare the built `footprint` with the
# independent DuckDB reference in ../shared/bench, so this installs the duckdb Python package if
# missing; the PACT server tests capture the responses they receive, which are then validated
# against the PACT v3 OpenAPI schemas (../shared/pact/openapi-v3.yaml) with Python's jsonschema.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/prerequisites.sh
for module in duckdb jsonschema yaml; do
  if ! python3 -c "import $module" 2>/dev/null; then
    package=$module; [ "$module" = yaml ] && package=pyyaml
    python3 -m pip install --quiet "$package"
  fi
done
capture=$(mktemp -d)
trap 'rm -rf "$capture"' EXIT
FOOTPRINT_PACT_CAPTURE="$capture" swift test "$@"
schema=../shared/pact/openapi-v3.yaml
if [ "$#" -eq 0 ] && [ -f "$schema" ]; then
  python3 scripts/validate_pact_responses.py "$capture" "$schema"
fi
