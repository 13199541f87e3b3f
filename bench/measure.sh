# Shared by the benchmark scripts: `measure NAME COMMAND...` runs the command under /usr/bin/time -v,
# keeps its output in $out/NAME.out (or .json) and prints "seconds peak-kilobytes".
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" >"$out/$name.${measure_ext:-out}" 2>"$out/$name.time"
  local wall mem
  wall=$(grep 'Elapsed (wall clock)' "$out/$name.time" | awk -F': ' '{print $2}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  mem=$(grep 'Maximum resident set size' "$out/$name.time" | awk -F': ' '{print $2}')
  echo "$wall $mem"
}
