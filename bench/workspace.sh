#!/usr/bin/env bash
# Benchmark of the workspace (issue: workspace), each figure side by side with its reference in the same run:
#   1. import of purchases.csv  vs  the sqlite3 command-line tool's `.import` of the same file into a plain table
#   2. full recalculation of the workspace  vs  the stateless `footprint calculate --data` on the same files
#   3. incremental recalculation after the largest supplier's new disclosure  vs  a full recalculation
#   4. the same, in a long-running process (`calculate --watch`), both timed in the process
# and peak memory of each (/usr/bin/time -v) and the database's bytes per purchase line.
#
# usage: bench/workspace.sh [LINES] [RUNS]     (default 5000000 lines, 3 runs, alternating)
# needs: sqlite3 (Debian package 'sqlite3'), /usr/bin/time (package 'time'), python3
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${FOOTPRINT_SHARED:-$root/../shared}
lines=${1:-5000000}
runs=${2:-3}
# The period of the workspace runs (docs/inventory.md): 'all' (every line, as the stateless calculate --data
# without --period) unless BENCH_PERIOD says otherwise. Section 2 also times a full run of one fiscal year.
period=${BENCH_PERIOD:-all}
data=${BENCH_DATA:-$root/bench/data/ledger-$lines}
out=$root/bench/out/workspace
mkdir -p "$out"
if [ ! -f "$data/purchases.csv" ]; then
  echo "generating $lines lines into $data ..."
  python3 "$shared/bench/genledger.py" "$data" --lines "$lines" --seed 1
fi
# FOOTPRINT_BIN: a footprint binary to measure instead of this checkout's release build (bench/ab.sh).
bin=${FOOTPRINT_BIN:-$root/.build/release/footprint}
[ -n "${FOOTPRINT_BIN:-}" ] || (cd "$root" && swift build -c release --product footprint >/dev/null)
db=$out/bench.sqlite
size=$(stat -c %s "$data/purchases.csv")
echo "ledger: $lines lines, $((size / 1000000)) MB; $(nproc) cores; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"

measure_ext=out
. "$here/measure.sh"
fresh_workspace() {
  rm -f "$db" "$db-wal" "$db-shm"
  "$bin" init --db "$db" >/dev/null
  for kind in suppliers:suppliers factors:factors rates:rates price-index:price_index \
              supplier-emissions:supplier_emissions product-footprints:product_footprints; do
    "$bin" import --db "$db" "${kind%%:*}" "$data/${kind##*:}.csv" >/dev/null
  done
}
ratio() { awk "BEGIN{printf \"%.3f\", $1/$2}"; }

echo "== 1. import purchases.csv: footprint import vs sqlite3 .import (plain table)"
: >"$out/import.txt"
for i in $(seq "$runs"); do
  fresh_workspace
  read -r fw fm < <(measure import "$bin" import --db "$db" purchases "$data/purchases.csv")
  rm -f "$out/plain.db"
  read -r sw sm < <(measure sqlite sqlite3 "$out/plain.db" -cmd ".mode csv" ".import $data/purchases.csv purchases")
  echo "$fw $fm $sw $sm" >>"$out/import.txt"
  printf 'run %d: footprint %6.2f s %7d KB | sqlite3 %6.2f s %7d KB | ratio %s\n' "$i" "$fw" "$fm" "$sw" "$sm" "$(ratio "$fw" "$sw")"
done
dbbytes=$(( $(stat -c %s "$db") + $( [ -f "$db-wal" ] && stat -c %s "$db-wal" || echo 0) ))
plainbytes=$(stat -c %s "$out/plain.db")

echo "== 2. full recalculation: workspace calculate --full vs stateless calculate --data"
: >"$out/full.txt"
for i in $(seq "$runs"); do
  read -r ww wm < <(measure full "$bin" calculate --db "$db" --period "$period" --full --json)
  read -r cw cm < <(measure stateless "$bin" calculate --data "$data" --json)
  echo "$ww $wm $cw $cm" >>"$out/full.txt"
  printf 'run %d: workspace %6.2f s %7d KB | stateless %6.2f s %7d KB | ratio %s\n' "$i" "$ww" "$wm" "$cw" "$cm" "$(ratio "$ww" "$cw")"
done

echo "== 2b. a period: full recalculation of fiscal year 2024 (a quarter of the lines evaluated, the rest counted outside) vs every line"
for i in $(seq "$runs"); do
  read -r pw pm < <(measure period "$bin" calculate --db "$db" --period 2024 --full --json)
  read -r aw am < <(measure all "$bin" calculate --db "$db" --period all --full --json)
  printf 'run %d: --period 2024 %6.2f s %7d KB | --period all %6.2f s %7d KB | ratio %s\n' "$i" "$pw" "$pm" "$aw" "$am" "$(ratio "$pw" "$aw")"
done

echo "== 3. incremental recalculation after the largest supplier's update vs a full recalculation"
largest=$(python3 -c "import json;d=json.load(open('$out/full.out'));print(max(d['by_supplier'].items(), key=lambda kv: kv[1])[0])")
# A mid-sized supplier too: the 20th by emissions.
twentieth=$(python3 -c "import json;d=json.load(open('$out/full.out'));print(sorted(d['by_supplier'].items(), key=lambda kv: -kv[1])[19][0])")
echo "largest supplier: $largest; 20th: $twentieth"
# Two versions of each file, toggled run after run so that every calculation sees a change:
#  (a) its disclosure (supplier_emissions.csv) x0.9 / x1.1;  (b) its product footprints x0.95 / x1.05.
python3 - "$data" "$out" "$largest" "$twentieth" <<'PY'
import csv, sys
data, out, sup, mid = sys.argv[1:5]
def variants(name, col, factors, add, sup=sup, prefix=""):
    rows = list(csv.reader(open(f"{data}/{name}.csv")))
    header, body = rows[0], rows[1:]
    if not any(r[0] == sup for r in body): body.append(add)
    for tag, k in factors:
        with open(f"{out}/{prefix}{name}_{tag}.csv", "w", newline="") as f:
            w = csv.writer(f); w.writerow(header)
            for r in body:
                r = list(r)
                if r[0] == sup: r[col] = f"{float(r[col]) * k:.6g}"
                w.writerow(r)
variants("supplier_emissions", 4, (("a", 0.9), ("b", 1.1)), [sup, "2023", "1200.0", "800.0", "15000.0", "2500000000", "USD"])
variants("product_footprints", 2, (("a", 0.95), ("b", 1.05)), [sup, sup + "-P000", "10.0", "piece"])
variants("supplier_emissions", 4, (("a", 0.9), ("b", 1.1)), [mid, "2023", "120.0", "80.0", "1500.0", "250000000", "USD"], sup=mid, prefix="mid_")
PY
active() { "$bin" imports --db "$db" --json | python3 -c "import json,sys;print([i['id'] for i in json.load(sys.stdin) if i['kind']=='$1' and i['status']=='active'][0])"; }
"$bin" calculate --db "$db" --period "$period" >/dev/null
for scenario in supplier_emissions:supplier-emissions product_footprints:product-footprints mid_supplier_emissions:supplier-emissions; do
  file=${scenario%%:*}; kind=${scenario##*:}
  : >"$out/incremental-$file.txt"
  for i in $(seq "$runs"); do
    for v in a b; do
      "$bin" import --db "$db" "$kind" "$out/${file}_$v.csv" --replace "$(active "$kind")" >"$out/replace.out"
      read -r iw im < <(measure incremental "$bin" calculate --db "$db" --period "$period" --json)
    done
    recomputed=$(python3 -c "import json;d=json.load(open('$out/incremental.out'));print(d['run']['kind'], d['run']['recomputed_lines'])")
    read -r ww wm < <(measure full2 "$bin" calculate --db "$db" --period "$period" --full --json)
    "$bin" import --db "$db" "$kind" "$out/${file}_a.csv" --replace "$(active "$kind")" >"$out/replace.out"
    "$bin" calculate --db "$db" --period "$period" >/dev/null
    echo "$iw $im $ww $wm $recomputed" >>"$out/incremental-$file.txt"
    printf 'run %d (%s): incremental %6.3f s %7d KB (%s lines) | full %6.2f s %7d KB | ratio %s\n' "$i" "$kind" "$iw" "$im" "$recomputed" "$ww" "$wm" "$(ratio "$iw" "$ww")"
  done
done

echo "== 4. the same updates in a long-running process (calculate --watch), incremental vs full, both as timed in the process"
# Each round starts a watcher with --full (its first run is a full recalculation), then imports the two
# versions of a file twice over; the watcher calculates after each import (the median of the four counts). Times are the runs' own (JSON run.seconds:
# from reading the inputs to the commit, KPI snapshot included), so process start-up is in neither.
wait_lines() {
  for _ in $(seq 1200); do [ "$(wc -l <"$out/watch.out")" -ge "$1" ] && return 0; sleep 0.05; done
  echo "the watcher printed no run; see $out/watch.err" >&2; return 1
}
: >"$out/watch.txt"
for scenario in supplier_emissions:supplier-emissions product_footprints:product-footprints mid_supplier_emissions:supplier-emissions; do
  file=${scenario%%:*}; kind=${scenario##*:}
  for i in $(seq "$runs"); do
    : >"$out/watch.out"
    /usr/bin/time -v "$bin" calculate --db "$db" --period "$period" --watch --interval 0.02 --full --json >"$out/watch.out" 2>"$out/watch.err" &
    timer=$!
    wait_lines 1
    n=1
    for v in b a b a; do  # section 3 left version a in force (or another file of the kind)
      "$bin" import --db "$db" "$kind" "$out/${file}_$v.csv" --replace "$(active "$kind")" >"$out/replace.out"
      n=$((n + 1)); wait_lines "$n"
    done
    pkill -TERM -P "$timer" || true  # the watcher (time's child); time then reports its peak memory
    wait "$timer" || true
    mem=$(grep 'Maximum resident set size' "$out/watch.err" | awk -F': ' '{print $2}' || echo 0)
    python3 - "$out/watch.out" "$file" "$mem" "$i" >>"$out/watch.txt" <<'PY'
import json, sys, statistics
runs = [json.loads(l)["run"] for l in open(sys.argv[1]) if l.strip()]
full = [r for r in runs if r["kind"] == "full"][0]
inc = [r for r in runs if r["kind"] == "incremental"]
m = statistics.median(r["seconds"] for r in inc)
print(sys.argv[2], m, full["seconds"], inc[-1]["recomputed_lines"], sys.argv[3])
print(f"run {sys.argv[4]} ({sys.argv[2]}): incremental {', '.join('%.3f' % r['seconds'] for r in inc)} s ({inc[-1]['recomputed_lines']} lines) | full {full['seconds']:.2f} s | ratio {m / full['seconds']:.3f} | peak {int(sys.argv[3]) // 1024} MB", file=sys.stderr)
PY
  done
done

python3 - "$out" "$dbbytes" "$plainbytes" "$lines" <<'PY'
import statistics, sys
out, dbbytes, plainbytes, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def med(name):
    rows = [list(map(float, l.split()[:4])) for l in open(f"{out}/{name}.txt") if l.strip()]
    return [statistics.median(r[i] for r in rows) for i in range(4)]
i, f = med("import"), med("full")
print("== medians")
print(f"import:      footprint {i[0]:.2f} s, {i[1]/1024:.0f} MB | sqlite3 .import {i[2]:.2f} s | ratio {i[0]/i[2]:.3f} (target <= 1.0)")
print(f"full recalc: workspace {f[0]:.2f} s, {f[1]/1024:.0f} MB | stateless {f[2]:.2f} s, {f[3]/1024:.0f} MB | ratio {f[0]/f[2]:.3f} (target <= 1.5)")
for name, what in (("supplier_emissions", "new disclosure of the largest supplier"), ("product_footprints", "new product footprints of the largest supplier"),
                   ("mid_supplier_emissions", "new disclosure of the 20th supplier")):
    n = med("incremental-" + name)
    lines_changed = [l.split()[-1] for l in open(f"{out}/incremental-{name}.txt") if l.strip()][-1]
    print(f"incremental ({what}, {lines_changed} lines recomputed): {n[0]:.3f} s, {n[1]/1024:.0f} MB | full {n[2]:.2f} s | ratio {n[0]/n[2]:.3f} (target <= 0.05)")
watch = [l.split() for l in open(f"{out}/watch.txt") if l.strip()]
for name, what in (("supplier_emissions", "largest supplier's disclosure"), ("product_footprints", "largest supplier's footprints"),
                   ("mid_supplier_emissions", "20th supplier's disclosure")):
    rows = [r for r in watch if r[0] == name]
    if not rows: continue
    ratios = [float(r[1]) / float(r[2]) for r in rows]
    print(f"watch ({what}, {rows[-1][3]} lines): incremental {statistics.median(float(r[1]) for r in rows):.3f} s | full {statistics.median(float(r[2]) for r in rows):.2f} s "
          f"| ratio {statistics.median(ratios):.3f} (runs {', '.join('%.3f' % x for x in ratios)}; target <= 0.05) | peak {max(int(r[4]) for r in rows) // 1024} MB")
print(f"database: {dbbytes/lines:.0f} bytes per purchase line ({dbbytes/1e6:.0f} MB); sqlite3 plain table {plainbytes/lines:.0f} bytes per line")
PY
