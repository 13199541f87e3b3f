#!/usr/bin/env bash
# Benchmark of publishing service footprints (issue 15, Performance): `footprint customers publish` on
# bench/customers.sh's 5M-line workspace, with every one of 2,000 customers using all 50 services
# (100,000 customer-service pairs, 1,200,000 usage rows), each customer with its PACT API client.
# Target: at most 30 s and 1 GB. Prints wall time and peak RSS of the first publish (everything new)
# and of a second one (every footprint unchanged), beside `calculate --full` of the same run.
# usage: bench/publish.sh        (run bench/customers.sh first: it builds the workspace)
# needs: /usr/bin/time (package 'time'), python3
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${FOOTPRINT_BIN:-$root/.build/release/footprint}
[ -n "${FOOTPRINT_BIN:-}" ] || (cd "$root" && swift build -c release --product footprint >/dev/null)
src=$root/bench/out/customers
out=$root/bench/out/publish
[ -f "$src/customers.sqlite" ] || { echo "run bench/customers.sh first"; exit 1; }
mkdir -p "$out"
db=$out/publish.sqlite
rm -f "$db" "$db-wal" "$db-shm"
cp "$src/customers.sqlite" "$db"
data=${BENCH_DATA:-$root/bench/data/ledger-5000000}
python3 "$here/gencustomers.py" "$data" "$out" --customers 2000 --services 50 --year 2024 --seed 15 --services-per-customer 50
python3 - "$src/company.json" "$out/company.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["pact_company_ids"] = ["urn:pathfinder:company:customcode:buyer-assigned:benchmark-it"]
json.dump(d, open(sys.argv[2], "w"))
PY
active() { "$bin" imports --json --db "$db" | python3 -c "import json,sys; print([i['id'] for i in json.load(sys.stdin) if i['kind']=='$1' and i['status']=='active'][-1])"; }
"$bin" import company "$out/company.json" --replace "$(active company)" --db "$db" >/dev/null
for kind in services:services service-pools:service_pools service-usage:service_usage customers:customers; do
  k=${kind%%:*}
  "$bin" import "$k" "$out/${kind##*:}.csv" --replace "$(active "$k")" --db "$db" >/dev/null || "$bin" import "$k" "$out/${kind##*:}.csv" --db "$db" >/dev/null
done
"$bin" calculate --period 2024 --db "$db" >/dev/null
echo "adding 2,000 API clients ..."
existing=$("$bin" pact clients list --json --db "$db" | python3 -c "import json,sys; print(' '.join(c['name'] for c in json.load(sys.stdin)))")
for c in $(tail -n +2 "$out/customers.csv" | cut -d, -f1); do
  case " $existing " in *" $c "*) ;; *) "$bin" pact clients add "$c" --db "$db" >/dev/null ;; esac
done
measure() { /usr/bin/time -f "%e %M" -o "$out/$1.time" "${@:2}" >"$out/$1.out"; cat "$out/$1.time"; }
echo "full recalculation (s, KB): $(measure full "$bin" calculate --period 2024 --full --db "$db")"
echo "publish, all new (s, KB):   $(measure publish "$bin" customers publish --period 2024 --db "$db")"
head -1 "$out/publish.out"
echo "publish again (s, KB):      $(measure again "$bin" customers publish --period 2024 --db "$db")"
head -1 "$out/again.out"
