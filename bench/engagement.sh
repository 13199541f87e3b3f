#!/usr/bin/env bash
# Benchmark of supplier engagement (issue 5, Performance), side by side in the same run:
#   `footprint engagement kpis --json` and `footprint suppliers assess --json` (every supplier of a
#   3,000-supplier register with status facts)  vs  `footprint calculate --full --json` (a full
#   recalculation of the same workspace). Target: each under 10% of the full recalculation.
#
# usage: bench/engagement.sh [LINES] [RUNS]     (default 5000000 lines, 3 runs, alternating)
# The ledger is generated with 3,000 suppliers (genledger.py --suppliers 3000) unless BENCH_DATA
# names an existing one; the workspace is built once and reused (REBUILD=1 builds it again).
# The register gets the optional suppliers.csv columns, and supplier_status.csv gets ~3 facts per
# supplier (SBTi with history, RBA, CDP, scopes, PACT, product footprints), generated here.
# needs: /usr/bin/time (package 'time'), python3
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${FOOTPRINT_SHARED:-$root/../shared}
lines=${1:-5000000}
runs=${2:-3}
suppliers=3000
data=${BENCH_DATA:-$root/bench/data/ledger-$lines-s$suppliers}
out=$root/bench/out/engagement
mkdir -p "$out"
if [ ! -f "$data/purchases.csv" ]; then
  echo "generating $lines lines, $suppliers suppliers into $data ..."
  python3 "$shared/bench/genledger.py" "$data" --lines "$lines" --seed 1 --suppliers "$suppliers"
fi
(cd "$root" && swift build -c release --product footprint >/dev/null)
bin=$root/.build/release/footprint
db=$out/engagement.sqlite

# The register (suppliers.csv with the optional columns) and status facts, deterministic.
python3 - "$data" "$out" <<'PY'
import csv, random, sys
data, out = sys.argv[1:3]
rng = random.Random(7)
rows = list(csv.DictReader(open(f"{data}/suppliers.csv")))
cols = ["id", "name", "country", "org_number", "lei", "duns", "strategic", "contact_name", "contact_email", "categories", "notes"]
with open(f"{out}/suppliers.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=cols); w.writeheader()
    for i, r in enumerate(rows):
        w.writerow({**r, "org_number": f"9{i:08d}", "lei": "", "duns": f"{100000000 + i}", "strategic": "yes" if i < 75 else "no",
                    "contact_name": f"Contact {i}", "contact_email": f"esg{i}@supplier{i}.example", "categories": "it;services", "notes": ""})
with open(f"{out}/supplier_status.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["supplier", "fact", "value", "source", "checked_on", "classification", "target_year", "level", "evidence"])
    for r in rows:
        s = r["id"]
        if rng.random() < 0.5: w.writerow([s, "sbti", "committed", "bench", "2024-03-01", "", "", "", ""])
        x = rng.random()
        w.writerow([s, "sbti", "targets set" if x < 0.35 else "committed" if x < 0.6 else "none", "bench", "2025-06-01",
                    "1.5°C" if x < 0.35 else "", "2030" if x < 0.35 else "", "", ""])
        if rng.random() < 0.3: w.writerow([s, "rba", "member", "bench", "2025-05-01", "", "", "Regular", "https://rba.example/" + s])
        if rng.random() < 0.4: w.writerow([s, "cdp", rng.choice(["A", "A-", "B", "C", "D"]), "bench", "2025-02-01", "", "", "", ""])
        if rng.random() < 0.5: w.writerow([s, "scopes", "1;2;3" if rng.random() < 0.6 else "1;2", "bench", "2025-04-01", "", "", "", ""])
        if rng.random() < 0.1: w.writerow([s, "pact", "yes", "bench", "2025-04-01", "", "", "", "https://pact.example/" + s])
        if rng.random() < 0.1: w.writerow([s, "product-footprints", "yes", "bench", "2025-04-01", "", "", "", ""])
PY
facts=$(($(wc -l <"$out/supplier_status.csv") - 1))

if [ ! -f "$db" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the workspace $db ..."
  rm -f "$db" "$db-wal" "$db-shm"
  "$bin" init --db "$db" >/dev/null
  "$bin" import --db "$db" suppliers "$out/suppliers.csv" >/dev/null
  for kind in factors:factors rates:rates price-index:price_index supplier-emissions:supplier_emissions \
              product-footprints:product_footprints purchases:purchases; do
    "$bin" import --db "$db" "${kind%%:*}" "$data/${kind##*:}.csv" >/dev/null
  done
  "$bin" suppliers import-status --db "$db" "$out/supplier_status.csv" >/dev/null
  "$bin" calculate --db "$db" >/dev/null
  "$bin" engagement target --db "$db" --share 67 --by 2027-12-31 >/dev/null   # kpis then also track it
fi
registered=$("$bin" suppliers list --db "$db" --json | python3 -c "import json,sys;print(len(json.load(sys.stdin)))")
echo "ledger: $lines lines; register: $registered suppliers, $facts status facts; $(nproc) cores"

measure_ext=json
. "$here/measure.sh"
ratio() { awk "BEGIN{printf \"%.3f\", $1/$2}"; }

echo "== engagement kpis and suppliers assess vs a full recalculation"
: >"$out/engagement.txt"
for i in $(seq "$runs"); do
  read -r fw fm < <(measure full "$bin" calculate --db "$db" --full --json)
  read -r kw km < <(measure kpis "$bin" engagement kpis --db "$db" --json)
  read -r aw am < <(measure assess "$bin" suppliers assess --db "$db" --json)
  echo "$fw $fm $kw $km $aw $am" >>"$out/engagement.txt"
  printf 'run %d: full %6.2f s %7d KB | kpis %5.2f s %6d KB ratio %s | assess %5.2f s %6d KB ratio %s\n' \
    "$i" "$fw" "$fm" "$kw" "$km" "$(ratio "$kw" "$fw")" "$aw" "$am" "$(ratio "$aw" "$fw")"
done
assessed=$(python3 -c "import json;print(len(json.load(open('$out/assess.json'))))")
echo "assessed suppliers: $assessed"
awk '{f+=$1; k+=$3; a+=$5; n++} END {printf "median-free mean: full %.2f s, kpis %.3f s (%.1f%%), assess %.3f s (%.1f%%)\n", f/n, k/n, 100*k/f, a/n, 100*a/f}' "$out/engagement.txt"
