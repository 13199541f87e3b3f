#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (docs/fuzzing.md) with the fuzzer and address sanitizers
# and runs each for SECONDS (default 30) from its seed corpus in Fuzz/Corpus/<name>.
#   scripts/fuzz.sh [SECONDS] [NAME...]     NAME: purchases erp erp-mapping json xlsx company-files (default: all)
# New corpus entries go to a temporary folder (kept with FUZZ_KEEP=1); a crash, hang (-timeout) or
# memory blow-up (-rss_limit_mb) stops the run, its input is saved in .build-fuzz/artifacts/ and
# printed in hex, and the script fails. FUZZ_JOBS=N runs N fuzzing processes per target; FUZZ_SEED=N
# makes a run repeatable (CI sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(purchases erp erp-mapping json xlsx company-files)

declare -A target=([purchases]=FuzzPurchases [erp]=FuzzERP [erp-mapping]=FuzzERPMapping [json]=FuzzJSON [xlsx]=FuzzXLSX [company-files]=FuzzCompanyFiles)
declare -A maxlen=([purchases]=4096 [erp]=4096 [erp-mapping]=4096 [json]=4096 [xlsx]=16384 [company-files]=4096)

start=$(date +%s)
# The sanitizers apply to Swift code only (the project, ZIPFoundation, swift-crypto's Swift part);
# swift-crypto's C part is built as usual. Each target's main.swift hands libFuzzer's driver its
# LLVMFuzzerTestOneInput (SwiftPM links an executable's own entry point as main).
flags=(-c release --package-path Fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address)
# One product at a time: `swift build` alone would build every product of the main package too.
for name in "${names[@]}"; do swift build "${flags[@]}" --product "${target[$name]:?unknown fuzz target $name}"; done
bin=$(swift build "${flags[@]}" --show-bin-path)
echo "fuzz: built in $(( $(date +%s) - start )) s"

artifacts=.build-fuzz/artifacts
mkdir -p "$artifacts"
work=$(mktemp -d)
[ "${FUZZ_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
failed=0
for name in "${names[@]}"; do
  exe=${target[$name]:?unknown fuzz target $name}
  mkdir -p "$work/$name"
  log="$work/$name.log"
  echo "fuzz: $exe for ${seconds}s (seeds: $(ls Fuzz/Corpus/$name | wc -l))"
  status=0
  # Leaks are not checked (-detect_leaks=0, ASAN_OPTIONS): at exit LeakSanitizer reports the Swift
  # runtime's and Foundation's caches and the targets' globals.
  mkdir -p "$work/tmp"
  # SWIFT_BACKTRACE: Swift's own crash handler would get in the way of the sanitizer's report.
  TMPDIR="$work/tmp" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$bin/$exe" "$work/$name" "Fuzz/Corpus/$name" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${maxlen[$name]}" \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/$name-" ${FUZZ_SEED:+-seed=$FUZZ_SEED} \
    ${FUZZ_JOBS:+-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS} >"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    failed=1
    tail -n 60 "$log"
    for file in $(grep -oE "$artifacts/$name-[a-z]+-[0-9a-f]+" "$log" | sort -u); do
      echo "fuzz: $exe failed on $file:"
      od -A d -t x1 -v "$file" | head -n 64
    done
  else
    grep -E '^#[0-9]+ +(INITED|DONE)|^Done|stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" || true
    echo "fuzz: $exe corpus $(ls "$work/$name" | wc -l) new + $(ls Fuzz/Corpus/$name | wc -l) seeds"
  fi
done
echo "fuzz: done in $(( $(date +%s) - start )) s"
exit $failed
