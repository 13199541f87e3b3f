#!/usr/bin/env bash
# The main job on the bundled defaults: builds Footprint, creates a workspace (SQLite) with the
# built-in factor library, imports the example company (examples/nordic-it) and its Nordic ERP
# export (examples/erp/nordic, through its mapping), calculates the Scope 3 inventory, stores the
# run, and prints the report. Run it again: imports already done change nothing, and the
# calculation says its inventory is up to date.
#
# usage: scripts/quickstart.sh [WORKSPACE]     (default .quickstart/footprint.sqlite)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/prerequisites.sh
swift build -c release --product footprint 2>&1 | grep -E "error|warning: unable" || true
bin=$(swift build -c release --product footprint --show-bin-path)/footprint
db=${1:-.quickstart/footprint.sqlite}
mkdir -p "$(dirname "$db")"
example=examples/nordic-it
"$bin" init --db "$db"
for kind in suppliers:suppliers factors:factors rates:rates price-index:price_index \
            supplier-emissions:supplier_emissions product-footprints:product_footprints purchases:purchases; do
  "$bin" import --db "$db" "${kind%%:*}" "$example/${kind##*:}.csv"
done
"$bin" import --db "$db" purchases examples/erp/nordic/hovedbok_2024.csv --mapping examples/erp/nordic/mapping.json
echo
"$bin" calculate --db "$db"
echo
"$bin" report --db "$db" --by scope3
echo
echo "workspace: $db  (next: $bin runs --db $db, $bin report --db $db --format markdown, $bin runs lines 1 --db $db --out lines.csv)"
