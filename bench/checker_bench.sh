#!/usr/bin/env bash
# Benchmark of the model checks riding on the read that hashes the file
# (issue 10): builds two ~1.5 GB models (one big initializer; TENSORS Add
# nodes with an initializer each) and reports, side by side in one run, wall
# time and peak RSS of `openssl dgst -sha256` and of ohm_checker_bench_driver,
# which makes the read `inspect` makes (SHA-256 + streaming reader + io_ports
# inference), without the checker and then with it, in default and
# full-check mode.
# Targets: <= 1.0x openssl, peak RSS < 64 MB. Not a ctest test.
#
# Usage: bench/checker_bench.sh [BUILD_DIR] [SIZE_MB] [TENSORS]
set -euo pipefail

build_dir=${1:-build}
size_mb=${2:-1536}
tensors=${3:-20000}
driver="$build_dir/bench/ohm_checker_bench_driver"
[[ -x "$driver" ]] || { echo "checker_bench: $driver not built" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "checker_bench: /usr/bin/time missing (Debian package 'time')" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/checker_bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
measure() {  # measure NAME CMD... -> prints "NAME seconds rss_kb"
  local name=$1; shift
  local log="$work/$name.time"
  /usr/bin/time -v -o "$log" "$@" > "$work/$name.out"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  wall=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  echo "$name $wall $rss"
}

bench_model() {  # bench_model LABEL TENSORS
  local label=$1 count=$2 model="$work/model.onnx"
  /usr/bin/python3 "$(dirname "$0")/make_big_model.py" "$model" "$size_mb" "$count"
  echo "model: $label, $(stat -c %s "$model") bytes"
  cat "$model" > /dev/null  # warm the page cache once so every command reads from memory
  read -r _ t_ssl rss_ssl < <(measure openssl openssl dgst -sha256 "$model")
  read -r _ t_none rss_none < <(measure none "$driver" "$model" --no-checker)
  read -r _ t_def rss_def < <(measure checker "$driver" "$model")
  read -r _ t_full rss_full < <(measure full "$driver" "$model" --full-check)
  local sha_ssl sha run
  sha_ssl=$(awk '{print $NF}' "$work/openssl.out")
  for run in checker full; do
    sha=$(awk '/^sha256/ {print $2}' "$work/$run.out")
    [[ "$sha" == "$sha_ssl" ]] || { echo "checker_bench: sha mismatch ($run): $sha vs $sha_ssl" >&2; exit 1; }
    grep -q '^checker passed' "$work/$run.out" || { echo "checker_bench: $run: $(cat "$work/$run.out")" >&2; exit 1; }
  done
  awk -v ts="$t_ssl" -v rs="$rss_ssl" -v tn="$t_none" -v rn="$rss_none" -v td="$t_def" -v rd="$rss_def" -v tf="$t_full" -v rf="$rss_full" 'BEGIN {
    printf "  %-40s %10s %14s %8s\n", "command", "wall (s)", "peak RSS (MB)", "ratio"
    printf "  %-40s %10.2f %14.1f %8s\n", "openssl dgst -sha256", ts, rs / 1024, "1.00x"
    printf "  %-40s %10.2f %14.1f %7.2fx\n", "sha256 + reader (inspect, no checker)", tn, rn / 1024, (ts > 0 ? tn / ts : 0)
    printf "  %-40s %10.2f %14.1f %7.2fx\n", "sha256 + reader + checker", td, rd / 1024, (ts > 0 ? td / ts : 0)
    printf "  %-40s %10.2f %14.1f %7.2fx\n", "sha256 + reader + checker --full-check", tf, rf / 1024, (ts > 0 ? tf / ts : 0)
  }'
  rm -f "$model"
}

bench_model "one initializer" 1
bench_model "$tensors initializers and nodes" "$tensors"
echo "targets: <= 1.0x openssl, peak RSS < 64 MB"
