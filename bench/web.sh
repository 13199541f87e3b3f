#!/usr/bin/env bash
# Web app benchmark (issue 17, Performance): the pages of `footprint serve` on the 5,000,000-line
# workspace, each asked for by wrk with a signed-in session's cookie (16 connections, 10 s). Per page:
# the first look after the server starts (curl), then p50/p95/p99 and requests per second under load,
# and its weight. Targets: p95 <= 100 ms under 16 concurrent connections, a page <= 300 KB.
# Then the PACT API beside it (the issue: its figures unchanged while the pages are used): GET
# /3/footprints?limit=100 alone and while every page is asked for at once, side by side, and the
# bytes of its answer before, during and after the page load.
#
# usage: bench/web.sh [LINES]     (DURATION=10s CONNECTIONS=16 THREADS=2 PORT=18444 to change)
# The ledger is genledger.py's (BENCH_DATA names an existing one), with bench/gencustomers.py's customers
# and a run of 2024, as bench/customers.sh builds it; the workspace is built once and reused (REBUILD=1
# builds it again). BENCH_DB=FILE starts from a copy of such a workspace instead (e.g. the one
# bench/customers.sh left in bench/out/customers/customers.sqlite); the copy is taken with sqlite3's .backup.
# needs: wrk, sqlite3, curl (Debian packages), python3
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${FOOTPRINT_SHARED:-$root/../shared}
lines=${1:-5000000}
year=2024
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}
port=${PORT:-18444}
data=${BENCH_DATA:-$root/bench/data/ledger-$lines}
out=$root/bench/out/web
mkdir -p "$out"
command -v wrk >/dev/null || { echo "installing wrk ..." >&2; apt-get install -y -qq wrk >/dev/null; }
# FOOTPRINT_BIN: a footprint binary to measure instead of this checkout's release build.
bin=${FOOTPRINT_BIN:-$root/.build/release/footprint}
[ -n "${FOOTPRINT_BIN:-}" ] || (cd "$root" && swift build -c release --product footprint >/dev/null)
db=$out/web.sqlite

if [ ! -f "$db" ] || [ -n "${REBUILD:-}" ]; then
  rm -f "$db" "$db-wal" "$db-shm" "$out/published"
  if [ -n "${BENCH_DB:-}" ]; then
    echo "copying the workspace $BENCH_DB ..."
    sqlite3 "$BENCH_DB" ".backup '$db'"
  else
    if [ ! -f "$data/purchases.csv" ]; then
      echo "generating $lines lines into $data ..."
      python3 "$shared/bench/genledger.py" "$data" --lines "$lines" --seed 1
    fi
    echo "building the workspace $db ..."
    python3 "$here/gencustomers.py" "$data" "$out" --customers 2000 --services 50 --year "$year" --seed 15 >/dev/null
    printf '%s\n' '{"company": "Benchmark IT AS", "consolidation_approach": "operational-control", "fiscal_year_start_month": 1,' \
      '"entities": [{ "id": "NO-BENCH", "name": "Benchmark IT AS", "country": "NO", "equity_share": 1 }]}' >"$out/company.json"
    "$bin" init --db "$db" >/dev/null
    for kind in suppliers:suppliers factors:factors rates:rates price-index:price_index \
                supplier-emissions:supplier_emissions product-footprints:product_footprints purchases:purchases; do
      "$bin" import --db "$db" "${kind%%:*}" "$data/${kind##*:}.csv" >/dev/null
    done
    "$bin" import --db "$db" company "$out/company.json" >/dev/null
    "$bin" calculate --db "$db" --period "$year" >/dev/null
    for kind in customers:customers services:services service-pools:service_pools service-usage:service_usage; do
      "$bin" import --db "$db" "${kind%%:*}" "$out/${kind##*:}.csv" >/dev/null
    done
  fi
fi
# The PACT side: 10,000 footprints of our own (once), and a client of the API (every time: its secret is shown once).
if [ ! -f "$out/published" ]; then
  python3 "$here/genfootprints.py" 10000 "$out/footprints.json" >/dev/null
  "$bin" pact publish "$out/footprints.json" --db "$db" >/dev/null
  touch "$out/published"
fi
credentials=$("$bin" pact clients add "bench-web-$(date +%s)" --db "$db")
client_id=$(echo "$credentials" | awk '/client_id:/ {print $2}')
client_secret=$(echo "$credentials" | awk '/client_secret:/ {print $2}')
# A user who sees every page.
password="web benchmark password $(date +%s)"
printf '%s\n' "$password" >"$out/password.txt"
chmod 600 "$out/password.txt"
user="bench-$(date +%s)"
"$bin" users add "$user" --role administrator --password-file "$out/password.txt" --db "$db" >/dev/null
dbbytes=$(( $(stat -c %s "$db") + $( [ -f "$db-wal" ] && stat -c %s "$db-wal" || echo 0) ))
ledger=$(sqlite3 "$db" "SELECT sum(line_count) FROM purchase_pack")

"$bin" serve --db "$db" --self-signed --write-cert "$out/cert.pem" --port "$port" --log-level warning >"$out/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q Serving "$out/serve.out" 2>/dev/null && break
  sleep 0.1
done
base="https://localhost:$port"
curlw() { curl -s --cacert "$out/cert.pem" "$@"; }

# Sign in as a browser does: the form (its CSRF token in a field and a cookie), then the POST.
jar=$out/cookies.txt
rm -f "$jar"
token=$(curlw -c "$jar" "$base/app/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curlw -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "name=$user" --data-urlencode "password=$password" "$base/app/login"
session=$(awk '$6 == "__Host-footprint-session" {print $7}' "$jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
cookie="Cookie: __Host-footprint-session=$session"

# The pages: a category's largest supplier (the first row of its CSV), the first customer, the latest run.
supplier=$(curlw -H "$cookie" "$base/app/inventory?category=1&format=csv" | sed -n 2p | cut -d, -f2)
customer=$(curlw -H "$cookie" "$base/app/customers?format=csv" | sed -n 2p | cut -d, -f1)
run=$(sqlite3 "$db" "SELECT max(id) FROM run")
supplier_lines=$(sqlite3 "$db" "SELECT sum(line_count) FROM purchase_pack WHERE supplier = (SELECT id FROM term WHERE text = '$supplier')")
pages=(
  "overview /app/overview"
  "inventory /app/inventory"
  "scope-1 /app/inventory?scope=1"
  "category-1 /app/inventory?category=1"
  "supplier /app/inventory?category=1&supplier=$supplier"
  "supplier-p100 /app/inventory?category=1&supplier=$supplier&page=100"
  "customers /app/customers"
  "customer /app/customers/$customer"
  "suppliers /app/suppliers"
  "runs /app/runs"
  "run /app/runs/$run"
  "imports /app/imports"
  "methods /app/methods"
  "supplier-page /app/suppliers/$supplier"
  "engagement /app/engagement"
  "requests /app/engagement/requests"
  "pact /app/pact"
)
echo "web app, $ledger purchase lines ($((dbbytes / 1048576)) MB workspace), run #$run; supplier $supplier ($supplier_lines lines), customer $customer"
echo "wrk $threads threads, $connections connections, $duration per page, one session's cookie, TLS on loopback; $(nproc) cores shared"
printf '%-14s %9s %9s %8s %8s %8s %8s %9s\n' page first-ms bytes p50-ms p95-ms p99-ms req/s non-2xx
: >"$out/pages.txt"
for entry in "${pages[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  read -r status first bytes < <(curlw -H "$cookie" -o "$out/$name.html" -w '%{http_code} %{time_total} %{size_download}\n' "$base$path")
  [ "$status" = 200 ] || { echo "$name: HTTP $status" >&2; exit 1; }
  WRK_PATHS="$path" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/wrk-report.lua" -H "$cookie" "$base" >"$out/wrk-$name.txt"
  read -r _ _ _ _ rps _ non2xx _ errors _ p50 _ p95 _ p99 _ < <(grep '^report' "$out/wrk-$name.txt")
  printf '%-14s %9.0f %9d %8s %8s %8s %8s %9s\n' "$name" "$(awk "BEGIN{print $first*1000}")" "$bytes" "$p50" "$p95" "$p99" "$rps" "$non2xx"
  echo "$name $first $bytes $p50 $p95 $p99 $rps $non2xx $errors" >>"$out/pages.txt"
done

# The PACT API alone, then while every page is asked for (one wrk each, at the same time); its answer's bytes before, during and after.
api_token=$(curlw -u "$client_id:$client_secret" -d grant_type=client_credentials "$base/auth/token" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
auth="Authorization: Bearer $api_token"
pact_path="/3/footprints?limit=100"
before=$(curlw -H "$auth" "$base$pact_path" | sha256sum | cut -c1-16)
WRK_PATHS="$pact_path" wrk -t1 -c8 -d"$duration" --latency -s "$here/wrk-report.lua" -H "$auth" "$base" >"$out/wrk-pact-alone.txt"
all_paths=$(for entry in "${pages[@]}"; do printf '%s ' "${entry#* }"; done)
WRK_PATHS="$all_paths" wrk -t1 -c"$connections" -d"$duration" --latency -s "$here/wrk-report.lua" -H "$cookie" "$base" >"$out/wrk-pages-mixed.txt" &
pages_load=$!
sleep 1
during=$(curlw -H "$auth" "$base$pact_path" | sha256sum | cut -c1-16)
WRK_PATHS="$pact_path" wrk -t1 -c8 -d"$(( ${duration%s} - 2 ))s" --latency -s "$here/wrk-report.lua" -H "$auth" "$base" >"$out/wrk-pact-loaded.txt"
wait $pages_load
after=$(curlw -H "$auth" "$base$pact_path" | sha256sum | cut -c1-16)
peak_kb=$(awk '/VmHWM/ {print $2}' /proc/$server/status)
kill $server
wait $server 2>/dev/null || true
trap - EXIT
report() { grep '^report' "$1" | awk '{printf "%s req/s, p50 %s ms, p95 %s ms, p99 %s ms, non-2xx %s", $5, $11, $13, $15, $7}'; }
echo "PACT GET $pact_path (8 connections):"
echo "  alone:              $(report "$out/wrk-pact-alone.txt")"
echo "  with the pages:     $(report "$out/wrk-pact-loaded.txt")"
echo "  pages (mixed, $connections connections) meanwhile: $(report "$out/wrk-pages-mixed.txt")"
echo "  answer sha256 before $before, during $during, after $after: $([ "$before" = "$during" ] && [ "$during" = "$after" ] && echo unchanged || echo CHANGED)"
echo "server peak memory: $peak_kb KB (VmHWM)"
