#!/usr/bin/env bash
# The example company's workspace, as the quick start builds it (scripts/quickstart.sh) and the
# web app's browser tests use it (Tests/web/test_web.py): the built-in factor library, the example
# company (examples/nordic-it) and its Nordic ERP export (through its mapping), its status facts and
# engagement target, two suppliers' answers to data requests, company profile, category rules and activity data. Imports already done change nothing.
#
# usage: scripts/example-workspace.sh FOOTPRINT_BINARY WORKSPACE
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1
db=$2
example=examples/nordic-it
"$bin" init --db "$db"
for kind in suppliers:suppliers factors:factors rates:rates price-index:price_index \
            supplier-emissions:supplier_emissions supplier-allocations:supplier_allocations \
            product-footprints:product_footprints manufacturers:manufacturers \
            purchases:purchases; do
  "$bin" import --db "$db" "${kind%%:*}" "$example/${kind##*:}.csv"
done
# A manufacturer's footprints over PACT (Skarv's transceivers, sold by the distributor Elbtal: manufacturers.csv).
"$bin" import --db "$db" pact "$example/pact/skarv-transceivers.json" --supplier SUP-0004
# What procurement knows of its suppliers (SBTi, RBA, CDP, PACT), and the SBTi supplier-engagement target.
"$bin" suppliers import-status --db "$db" "$example/supplier_status.csv"
"$bin" engagement target --db "$db" --share 67 --by 2029-12-31 --submitted 2025-06-01
# Two suppliers' answers to data requests (docs/suppliers.md), read by the sold-products figures
# (docs/downstream.md): Skarv's typical power and lifetime of the SW-48P switches Fjellvind resells (its
# product_use.csv row gives none), and Nordlys's take-back programme shares, which returns.csv's row
# naming SUP-0001 uses. Asked and answered once: a second run finds them.
if ! "$bin" engagement requests list --db "$db" --supplier SUP-0004 | grep -q 'SW-48P'; then
  request=$("$bin" engagement requests add SUP-0004 --db "$db" --kind energy --product SW-48P --on 2025-01-06 --due 2025-02-28 \
    --ask "2024 electricity, and the SW-48P's typical power in use and lifetime" --json | grep -o '"id" *: *[0-9]*' | head -1 | grep -o '[0-9]*$')
  "$bin" engagement requests answer "$request" --db "$db" --year 2024 --electricity-kwh 1850000 --renewable-percent 72 \
    --typical-power-w 120 --lifetime-years 6 --on 2025-01-20 >/dev/null
fi
if ! "$bin" engagement requests list --db "$db" --supplier SUP-0001 | grep -q 'take-back'; then
  request=$("$bin" engagement requests add SUP-0001 --db "$db" --kind take-back --on 2025-01-06 --due 2025-02-28 \
    --ask "2024 take-back programme: returns and their outcomes" --json | grep -o '"id" *: *[0-9]*' | head -1 | grep -o '[0-9]*$')
  "$bin" engagement requests answer "$request" --db "$db" --year 2024 --units-returned 1200 --kg-returned 5400 \
    --reused-percent 28 --recycled-percent 71.928 --residual-percent 0.072 --on 2025-01-24 >/dev/null
fi
"$bin" import --db "$db" purchases examples/erp/nordic/hovedbok_2024.csv --mapping examples/erp/nordic/mapping.json
"$bin" import --db "$db" purchases examples/erp/nordic/hovedbok_2024_ovrige.csv --mapping examples/erp/nordic/mapping.json
"$bin" import --db "$db" purchases examples/erp/nordic/hovedbok_2024_varekjop.csv --mapping examples/erp/nordic/mapping.json
# The corporate inventory: the company (boundary, fiscal year), the category rules (what is left out of
# Scope 3 and why), and the activity data (Scope 1, Scope 2 on both bases, Categories 3, 5, 6, 7, 11, 12 and 13,
# and the avoided emissions reported apart).
"$bin" import --db "$db" company "$example/company.json"
for kind in categories:categories sites:sites fuel:fuel refrigerants:refrigerants energy:energy \
            energy-instruments:energy_instruments grid-factors:grid_factors travel:travel \
            commuting-survey:commuting_survey workforce:workforce sales:sales product-use:product_use \
            end-of-life:end_of_life returns:returns leased-equipment:leased_equipment \
            avoided-emissions:avoided_emissions; do
  "$bin" import --db "$db" "${kind%%:*}" "$example/${kind##*:}.csv"
done
