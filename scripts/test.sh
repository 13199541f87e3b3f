#!/usr/bin/env bash
# Runs Footprint's whole test suite. The end-to-end tests compare the built `footprint` with the
# independent DuckDB reference in ../shared/bench, so this installs the duckdb Python package if
# missing; the PACT server tests capture the responses they receive, which are then validated
# against the PACT v3 OpenAPI schemas (../shared/pact/openapi-v3.yaml) with Python's jsonschema. Then the
# web app in a real browser (Tests/web/test_web.py: headless Chromium through Selenium, axe): skipped,
# and said so, when Chromium or the Python packages are missing, except under CI=true (.ci/run installs them).
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
if [ "$#" -eq 0 ]; then
  swift build --product footprint 2>&1 | grep -E "error" || true
  python3 Tests/web/test_web.py "$(swift build --show-bin-path)/footprint"
fi
