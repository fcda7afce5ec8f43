#!/usr/bin/env bash
# Coverage-guided fuzzing of every target in tests/fuzz with libFuzzer:
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Builds the targets with clang (-DOHM_LIBFUZZER=ON, ASan+UBSan, coverage on
# every library) into build-fuzz, runs each TARGET (default: all) for SECONDS
# (default 600), OHM_FUZZ_JOBS (default 2) at a time under `nice -n 10`, and
# prints a report that it also writes to tests/fuzz/REPORT.md (or
# $OHM_FUZZ_REPORT). The report has a row for every target run so far in
# build-fuzz for SECONDS (a later run of one target replaces its row), so
# targets may be run in several goes.
#
# Each target starts from tests/fuzz/corpus/<target> and
# tests/fuzz/regressions/<target> (read only); what it learns goes to
# build-fuzz/fuzz-corpus/<target>, kept between runs. A crash, a hang
# (-timeout) or running out of memory (-rss_limit_mb) stops that target and
# leaves the input in build-fuzz/fuzz-runs/<target>/; fix the code, then copy
# the input to tests/fuzz/regressions/<target>/ so ctest replays it.
#
# Exit code: 0 when no target found anything, 1 otherwise, 2 when the build fails.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
[[ $# -gt 0 ]] && shift
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || {
  echo "fuzz.sh: SECONDS must be a positive whole number, not '$seconds'" >&2
  exit 2
}
build=${OHM_FUZZ_BUILD:-$root/build-fuzz}
jobs=${OHM_FUZZ_JOBS:-2}
timeout_s=${OHM_FUZZ_TIMEOUT:-25} # per input: above fuzz_model's worker deadlines (worker_init.cc)
rss_mb=${OHM_FUZZ_RSS_MB:-2048}
report=${OHM_FUZZ_REPORT:-$root/tests/fuzz/REPORT.md}

all_targets=()
for f in "$root"/tests/fuzz/fuzz_*.cc; do
  all_targets+=("$(basename "$f" .cc)")
done
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ -f "$root/tests/fuzz/$t.cc" ]] || {
    echo "fuzz.sh: no target $t (have: ${all_targets[*]})" >&2
    exit 2
  }
done

# clang with its libFuzzer runtime, only when missing (the default build uses g++).
if ! command -v clang++ >/dev/null 2>&1 || ! compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
  "$root/scripts/setup.sh" --fuzz
fi

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer"
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DOHM_LIBFUZZER=ON -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" "${launcher[@]}" >/dev/null || exit 2
cmake --build "$build" -j"$jobs" --target "${targets[@]}" || exit 2

results=$build/fuzz-results-${seconds}s
mkdir -p "$results"
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -z "$(git -C "$root" status --porcelain -- lib tests/fuzz/*.cc 2>/dev/null)" ]] || commit="$commit+changes"

# Runs one target; writes its row to fuzz-results/<target>.row. Never fails.
run_target() {
  local t=$1 run=$build/fuzz-runs/$1 work=$build/fuzz-corpus/$1
  local seeds=("$root/tests/fuzz/corpus/$t")
  [[ -d "$root/tests/fuzz/regressions/$t" ]] && seeds+=("$root/tests/fuzz/regressions/$t")
  rm -rf "$run"
  mkdir -p "$run" "$work"
  local start end rc=0
  start=$(date +%s)
  (cd "$run" && nice -n 10 "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout="$timeout_s" \
    -rss_limit_mb="$rss_mb" -print_final_stats=1 -artifact_prefix="$run/" "$work" "${seeds[@]}") \
    >"$run/log" 2>&1 || rc=$?
  end=$(date +%s)
  local execs cov ft corp crashes hangs ooms status first
  # (|| true: a log without a line, or no artifact, is not a failure here)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$run/log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' "$run/log" | tail -1 | cut -d' ' -f2 || true)
  ft=$(grep -o 'ft: [0-9]*' "$run/log" | tail -1 | cut -d' ' -f2 || true)
  corp=$(find "$work" -type f | wc -l)
  crashes=$(find "$run" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' \) | wc -l)
  hangs=$(find "$run" -maxdepth 1 -name 'timeout-*' | wc -l)
  ooms=$(find "$run" -maxdepth 1 -name 'oom-*' | wc -l)
  first=$(find "$run" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) \
    -printf '%f\n' | head -1 || true)
  if [[ $rc -eq 0 ]]; then
    status=clean
  elif [[ -n "$first" ]]; then
    status="found: $first"
  else
    status="failed (exit $rc, see fuzz-runs/$t/log)"
  fi
  printf '| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$t" "$((end - start))" "${execs:-0}" \
    "${cov:-?}" "${ft:-?}" "$corp" "$crashes" "$hangs" "$ooms" "$status" "$commit" >"$results/$t.row"
  echo "fuzz.sh: $t done after $((end - start)) s: $status" >&2
}

for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  run_target "$t" &
done
wait

{
  echo "# Fuzzing report"
  echo
  echo "Written by \`scripts/fuzz.sh\` ($(date -u +%Y-%m-%d), $(clang++ --version | head -1)), $jobs targets at a time"
  echo "on $(nproc) cores under \`nice -n 10\`, -timeout=$timeout_s s per input, -rss_limit_mb=$rss_mb."
  echo "cov: edges covered; ft: libFuzzer features; corpus: inputs kept in build-fuzz/fuzz-corpus;"
  echo "crashes include leaks; hangs are inputs over -timeout."
  echo
  echo "| target | seconds | execs | cov | ft | corpus | crashes | hangs | ooms | result | commit |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for t in "${all_targets[@]}"; do
    [[ -f "$results/$t.row" ]] && cat "$results/$t.row"
  done
  echo
  echo "Earlier findings, fixed and replayed by ctest (tests/fuzz/regressions):"
  echo
  (cd "$root/tests/fuzz/regressions" 2>/dev/null && find . -type f | sed 's|^\./|- |' | sort)
} >"$report"
cat "$report"
! grep -q '| found: \|| failed' "$report"
