#!/usr/bin/env bash
# A/B benchmark of two builds of footprint, alternated in one run: each round runs bench/calculate.sh,
# bench/workspace.sh and bench/pact-serve.sh once with each build (A then B, then B then A), and the
# summary gives each figure's median per build and how B moved against A (a redesign must not make any
# figure worse by more than 5 % on the median).
#
# usage: bench/ab.sh A_BINARY B_BINARY [LINES] [ROUNDS]     (default 5000000 lines, 4 rounds: A B, B A, A B, B A)
#   e.g. A = a release build of the last release (git worktree add ../before v; swift build -c release),
#        B = this checkout's .build/release/footprint
# PACT host runs last DURATION (default 15s) each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
a=$(realpath "$1"); b=$(realpath "$2")
lines=${3:-5000000}
rounds=${4:-4}
out=$here/out/ab
mkdir -p "$out"
: >"$out/figures.txt"
for round in $(seq "$rounds"); do
  # A B in odd rounds, B A in even ones: a drift of the machine over the run weighs on both builds alike.
  order="A B"; [ $((round % 2)) -eq 0 ] && order="B A"
  for side in $order; do
    bin=$a; [ "$side" = B ] && bin=$b
    echo "== round $round, build $side ($bin)"
    FOOTPRINT_BIN=$bin "$here/calculate.sh" "$lines" 1 | tee "$out/calculate-$side-$round.txt" | tail -3
    FOOTPRINT_BIN=$bin "$here/workspace.sh" "$lines" 1 >"$out/workspace-$side-$round.txt" 2>&1
    grep -A20 '== medians' "$out/workspace-$side-$round.txt" || true
    FOOTPRINT_BIN=$bin DURATION=${DURATION:-15s} "$here/pact-serve.sh" | tee "$out/pact-$side-$round.txt" | grep serve: || true
    python3 - "$side" "$out" "$round" >>"$out/figures.txt" <<'PY'
import re, sys
side, out, rnd = sys.argv[1:4]
def grab(file, pattern, group=1):
    m = re.search(pattern, open(f"{out}/{file}-{side}-{rnd}.txt").read())
    return float(m.group(group)) if m else float("nan")
def ms(v, unit): return v * {"ms": 1, "s": 1000, "us": 0.001}[unit]
figures = {
  "calculate time ratio to DuckDB (<= 0.2)": grab("calculate", r"wall time ([0-9.]+)"),
  "calculate memory ratio to DuckDB (<= 0.1)": grab("calculate", r"peak memory ([0-9.]+)"),
  "calculate seconds": grab("calculate", r"median: footprint ([0-9.]+) s"),
  "import ratio to sqlite3 (<= 1.0)": grab("workspace", r"import: .*ratio ([0-9.]+)"),
  "import seconds": grab("workspace", r"import: +footprint ([0-9.]+) s"),
  "full recalculation ratio to stateless (<= 1.5)": grab("workspace", r"full recalc: .*ratio ([0-9.]+)"),
  "full recalculation seconds": grab("workspace", r"full recalc: workspace ([0-9.]+) s"),
  "watch incremental ratio, largest disclosure (<= 0.05)": grab("workspace", r"watch \(largest supplier's disclosure.*?ratio ([0-9.]+)"),
  "watch incremental ratio, largest footprints (<= 0.05)": grab("workspace", r"watch \(largest supplier's footprints.*?ratio ([0-9.]+)"),
  "watch incremental ratio, 20th disclosure (<= 0.05)": grab("workspace", r"watch \(20th supplier's disclosure.*?ratio ([0-9.]+)"),
  "PACT requests/s (>= 5000)": grab("pact", r"serve: +([0-9.]+) requests/s"),
}
m = re.search(r"p99 ([0-9.]+)(ms|s|us)", open(f"{out}/pact-{side}-{rnd}.txt").read())
figures["PACT p99 ms (<= 50)"] = ms(float(m.group(1)), m.group(2)) if m else float("nan")
for k, v in figures.items(): print(f"{side}\t{k}\t{v}")
PY
  done
done
python3 - "$out/figures.txt" <<'PY'
import statistics, sys, collections
values = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    side, name, v = line.rstrip("\n").split("\t"); values[name][side].append(float(v))
higher_is_better = {"PACT requests/s (>= 5000)"}
print(f"{'figure':58} {'A median':>10} {'B median':>10} {'B/A':>7}  worse by >5%?")
for name, sides in values.items():
    a = statistics.median(sides["A"]); b = statistics.median(sides["B"])
    change = b / a if a else float("nan")
    worse = change < 0.95 if name in higher_is_better else change > 1.05
    print(f"{name:58} {a:10.3f} {b:10.3f} {change:7.3f}  {'YES' if worse else 'no'}   (A {', '.join('%.3f' % x for x in sides['A'])}; B {', '.join('%.3f' % x for x in sides['B'])})")
PY
