#!/usr/bin/env bash
# Benchmark: `footprint calculate --json` against the DuckDB reference (../shared/bench/reference_duckdb.py)
# on the same generated ledger, in the same run. Prints wall times, peak memory (/usr/bin/time -v) and ratios.
#
# usage: bench/calculate.sh [LINES] [RUNS]      (default 5000000 lines, 3 runs each, alternating)
#   PERIOD=2024 (the default) also runs `calculate --period $PERIOD` in each round (the generated ledger spans
#   2022-2025, so a year holds a quarter of its lines), and, on a copy of the ledger with every date moved into
#   that year (bench/data/...-in-$PERIOD, made once), the same file with and without --period: the cost of the
#   period test itself, every line in the period (issue 13: at most 5 % more). PERIOD= skips both.
# needs: python3 with duckdb (pip install duckdb), /usr/bin/time (Debian package 'time')
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${FOOTPRINT_SHARED:-$root/../shared}
lines=${1:-5000000}
runs=${2:-3}
data=${BENCH_DATA:-$root/bench/data/ledger-$lines}
out=$root/bench/out
mkdir -p "$out"

if [ ! -f "$data/purchases.csv" ]; then
  echo "generating $lines lines into $data ..."
  python3 "$shared/bench/genledger.py" "$data" --lines "$lines" --seed 1
fi
# FOOTPRINT_BIN: a footprint binary to measure instead of this checkout's release build (bench/ab.sh).
bin=${FOOTPRINT_BIN:-$root/.build/release/footprint}
[ -n "${FOOTPRINT_BIN:-}" ] || (cd "$root" && swift build -c release --product footprint >/dev/null)
size=$(stat -c %s "$data/purchases.csv")
echo "ledger: $lines lines, $((size / 1000000)) MB; $(nproc) cores"

measure_ext=json
. "$here/measure.sh"

period=${PERIOD-2024}
inyear=$data-in-$period
if [ -n "$period" ] && [ ! -f "$inyear/purchases.csv" ]; then
  echo "copying the ledger with every date moved into $period into $inyear ..."
  mkdir -p "$inyear"
  cp "$data"/*.csv "$inyear"/
  awk -F, -v OFS=, -v y="$period" 'NR > 1 { $2 = y substr($2, 5) } { print }' "$data/purchases.csv" >"$inyear/purchases.csv"
fi

cat /dev/null >"$out/runs.txt"
cat /dev/null >"$out/period-runs.txt"
for i in $(seq "$runs"); do
  read -r fw fm < <(measure footprint "$bin" calculate --data "$data" --json)
  read -r dw dm < <(measure duckdb python3 "$shared/bench/reference_duckdb.py" "$data" --threads 2)
  echo "$fw $fm $dw $dm" >>"$out/runs.txt"
  printf 'run %d: footprint %6.2f s %8d KB | duckdb %6.2f s %8d KB | time ratio %.3f, memory ratio %.3f\n' \
    "$i" "$fw" "$fm" "$dw" "$dm" "$(awk "BEGIN{print $fw/$dw}")" "$(awk "BEGIN{print $fm/$dm}")"
  if [ -n "$period" ]; then
    read -r pw pm < <(measure footprint-period "$bin" calculate --data "$data" --json --period "$period")
    # Every line in the period: alternated, so that a drift of the machine weighs on both alike.
    if [ $((i % 2)) -eq 1 ]; then
      read -r aw am < <(measure footprint-inyear "$bin" calculate --data "$inyear" --json)
      read -r bw bm < <(measure footprint-inyear-period "$bin" calculate --data "$inyear" --json --period "$period")
    else
      read -r bw bm < <(measure footprint-inyear-period "$bin" calculate --data "$inyear" --json --period "$period")
      read -r aw am < <(measure footprint-inyear "$bin" calculate --data "$inyear" --json)
    fi
    echo "$pw $pm $aw $am $bw $bm" >>"$out/period-runs.txt"
    printf '       --period %s: %6.2f s %8d KB | every line in %s: without %6.2f s, with --period %6.2f s (x%.3f)\n' \
      "$period" "$pw" "$pm" "$period" "$aw" "$bw" "$(awk "BEGIN{print $bw/$aw}")"
  fi
done
python3 - "$out/runs.txt" "$out/footprint.json" "$out/duckdb.json" <<'PY'
import json, statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
fw = statistics.median(r[0] for r in rows); fm = statistics.median(r[1] for r in rows)
dw = statistics.median(r[2] for r in rows); dm = statistics.median(r[3] for r in rows)
a = json.load(open(sys.argv[2])); b = json.load(open(sys.argv[3]))
rel = abs(a["total_kgco2e"] - b["total_kg"]) / abs(b["total_kg"])
print(f"median: footprint {fw:.2f} s, {fm/1024:.0f} MB; duckdb {dw:.2f} s, {dm/1024:.0f} MB")
print(f"ratios: wall time {fw/dw:.3f} (target <= 0.2), peak memory {fm/dm:.3f} (target <= 0.1)")
print(f"totals agree to a relative {rel:.1e}; lines {sum(a['lines_by_method'].values())}")
PY
if [ -n "$period" ]; then
  python3 - "$out/runs.txt" "$out/period-runs.txt" "$period" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
prow = [list(map(float, l.split())) for l in open(sys.argv[2]) if l.strip()]
fw = statistics.median(r[0] for r in rows); fm = statistics.median(r[1] for r in rows)
pw = statistics.median(r[0] for r in prow); pm = statistics.median(r[1] for r in prow)
ratios = sorted(r[4] / r[2] for r in prow)
print(f"--period {sys.argv[3]}: footprint {pw:.2f} s, {pm/1024:.0f} MB; ratio to without: time {pw/fw:.3f}, memory {pm/fm:.3f}")
print(f"every line in {sys.argv[3]}: with --period / without, per round {', '.join('%.3f' % x for x in ratios)}; "
      f"median {statistics.median(ratios):.3f} (target <= 1.05); "
      f"medians {statistics.median(r[4] for r in prow):.2f} s vs {statistics.median(r[2] for r in prow):.2f} s")
PY
fi
