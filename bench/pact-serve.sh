#!/usr/bin/env bash
# PACT host benchmark (issue 4): a workspace with N footprints (default 100,000), `footprint serve`
# over TLS on loopback, and wrk (Debian's package) asking GET /3/footprints?limit=100 with 64
# connections. Reports requests per second, latency percentiles, and the server's memory; the
# targets are at least 5,000 requests per second and a p99 of at most 50 ms.
#
#   bench/pact-serve.sh [N]      (DURATION=30s CONNECTIONS=64 THREADS=2 PORT=18443 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
port=${PORT:-18443}
out=bench/out/pact
mkdir -p "$out"
. bench/measure.sh
command -v wrk >/dev/null || { echo "installing wrk ..." >&2; apt-get install -y -qq wrk >/dev/null; }
# FOOTPRINT_BIN: a footprint binary to measure instead of this checkout's release build (bench/ab.sh).
bin=${FOOTPRINT_BIN:-.build/release/footprint}
[ -n "${FOOTPRINT_BIN:-}" ] || swift build -c release --product footprint >/dev/null
db=$out/footprint.sqlite
rm -f "$db" "$db-wal" "$db-shm"

python3 bench/genfootprints.py "$n" "$out/footprints.json"
$bin init --db "$db" >/dev/null
credentials=$($bin pact clients add bench --db "$db")
client_id=$(echo "$credentials" | awk '/client_id:/ {print $2}')
client_secret=$(echo "$credentials" | awk '/client_secret:/ {print $2}')
read -r publish_s publish_kb < <(measure publish $bin pact publish "$out/footprints.json" --db "$db")
bytes=$(stat -c %s "$out/footprints.json")

$bin serve --db "$db" --self-signed --write-cert "$out/cert.pem" --port "$port" --log-level warning >"$out/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q Serving "$out/serve.out" 2>/dev/null && break
  sleep 0.1
done
started_kb=$(awk '/VmRSS/ {print $2}' /proc/$server/status)
token=$(curl -s --cacert "$out/cert.pem" -u "$client_id:$client_secret" -d grant_type=client_credentials "https://localhost:$port/auth/token" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
url="https://localhost:$port/3/footprints?limit=100"
page_bytes=$(curl -s --cacert "$out/cert.pem" -H "Authorization: Bearer $token" "$url" | wc -c)
wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $token" "$url" >/dev/null
wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$url" >"$out/wrk.txt"
peak_kb=$(awk '/VmHWM/ {print $2}' /proc/$server/status)
kill $server
wait $server 2>/dev/null || true
trap - EXIT

rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$out/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")
errors=$(grep -E 'Non-2xx|Socket errors' "$out/wrk.txt" || true)
echo "PACT host, $n footprints ($((bytes / 1048576)) MB of JSON; a page of 100 is $((page_bytes / 1024)) KB), wrk $threads threads, $connections connections, $duration, TLS on loopback"
echo "  publish:  ${publish_s} s, ${publish_kb} KB peak"
echo "  serve:    ${rps} requests/s (target >= 5000), p50 ${p50}, p99 ${p99} (target <= 50 ms)"
echo "  memory:   ${started_kb} KB after start, ${peak_kb} KB peak (VmHWM)"
[ -n "$errors" ] && echo "  wrk:      $errors"
cat "$out/wrk.txt" | sed -n '/Latency Distribution/,/99%/p'
