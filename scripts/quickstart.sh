#!/usr/bin/env bash
# The main job on the bundled defaults: builds Footprint, creates a workspace (SQLite) with the
# built-in factor library, imports the example company (examples/nordic-it) and its Nordic ERP
# export (examples/erp/nordic, through its mapping), its company profile, category rules and activity
# data, calculates the corporate inventory for 2024 (Scope 1, Scope 2 on both bases, Scope 3 by
# category, the ledger reconciled), stores the run, and prints the report. Run it again: imports already done change nothing, and the
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
# The workspace of the example company (its files, the ERP export, the activity data): scripts/example-workspace.sh.
./scripts/example-workspace.sh "$bin" "$db"
echo
"$bin" calculate --db "$db" --period 2024
echo
"$bin" report --db "$db" --corporate
echo
"$bin" engagement kpis --db "$db"
echo
# The same KPIs crediting each product's manufacturer (manufacturers.csv) instead of the distributor that invoices it.
"$bin" engagement kpis --db "$db" --attribute manufacturer
echo
# The customers, the services sold to them, the platforms (pools) that feed each service, and the
# usage of 2024: the period's emissions allocated to customers, and one customer's statement.
for kind in customers:customers services:services service-pools:service_pools service-usage:service_usage; do
  "$bin" import --db "$db" "${kind%%:*}" "$example/${kind##*:}.csv"
done
echo
"$bin" customers allocate --db "$db" --period 2024 --limit 10
echo
"$bin" customers statement --db "$db" --period 2024 CUST-001
echo
# CUST-001's API client, and every customer's service footprints over PACT (each shared with its own
# client only; 'footprint serve' then serves them: docs/customers.md, docs/pact.md).
# The secret is shown once: kept beside the workspace (readable by you only) for the customer's side below.
credentials=$(dirname "$db")/cust-001-client.txt
if ! "$bin" pact clients list --db "$db" | grep -q ' CUST-001 '; then
  (umask 077 && "$bin" pact clients add CUST-001 --db "$db" >"$credentials")
  grep -v '^client_secret:' "$credentials"
fi
"$bin" customers publish --db "$db" --period 2024
echo
# CUST-001's side: our host serves its footprints over HTTPS (a certificate made for this run), and
# CUST-001's own workspace pulls them with its client, as any PACT v3 client would.
if [ -f "$credentials" ]; then
  dir=$(dirname "$db")
  "$bin" serve --db "$db" --self-signed --write-cert "$dir/host-cert.pem" --port 0 >"$dir/serve.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  url=""
  for _ in $(seq 100); do
    url=$(grep -o 'Serving PACT v3 at https://[0-9.:]*' "$dir/serve.log" | cut -d' ' -f5 || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$dir/serve.log"; exit 1; }
  customer_db=$dir/cust-001.sqlite
  [ -f "$customer_db" ] || "$bin" init --db "$customer_db" >/dev/null
  # CUST-001's own supplier register names us, with our PACT company id (examples/customer-side).
  "$bin" import --db "$customer_db" suppliers examples/customer-side/suppliers.csv >/dev/null
  client_id=$(awk '/^client_id:/ {print $2}' "$credentials")
  FOOTPRINT_PARTNER_SECRET=$(awk '/^client_secret:/ {print $2}' "$credentials") \
    "$bin" pact partners add our-host --url "$url" --client-id "$client_id" --supplier FJELLVIND --db "$customer_db" >/dev/null
  echo "CUST-001 pulls from $url with its own client:"
  "$bin" pact pull --partner our-host --trust-cert "$dir/host-cert.pem" --db "$customer_db"
  kill $server 2>/dev/null || true
  wait $server 2>/dev/null || true
  trap - EXIT
else
  echo "(CUST-001's client secret is not in $credentials: add a client to pull as a customer, docs/customers.md)"
fi
echo
# The web app (docs/web.md): an administrator whose password is kept beside the workspace (readable by you
# only), and how to sign in with it. A customer's login: 'footprint users add NAME --role customer --customer CUST-001'.
password_file=$(dirname "$db")/admin-password.txt
if ! "$bin" users list --db "$db" | awk '$1 == "admin" {found = 1} END {exit !found}'; then
  (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$password_file")
  "$bin" users add admin --role administrator --password-file "$password_file" --db "$db"
fi
echo "The web app: $bin serve --db $db --self-signed, then open https://localhost:8443/ and sign in"
echo "as admin with the password in $password_file (docs/web.md)."
echo
echo "workspace: $db  (next: $bin runs --db $db, $bin report --db $db --format markdown, $bin runs lines 1 --db $db --out lines.csv)"
