#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# then a short libFuzzer run of every fuzz target:
#
#   scripts/sanitize.sh [FUZZ_SECONDS]
#
# 1. builds into build-asan with -DOHM_ENABLE_SANITIZERS=ON (g++) and runs
#    ctest there (every unit, e2e, conformance and fuzz-replay test);
# 2. runs scripts/fuzz.sh FUZZ_SECONDS (default 30) over every target
#    (clang, build-fuzz), its report in build-fuzz/REPORT-<seconds>s.md.
# Too slow for .ci/run's budget next to the default test run (the sanitized
# suite alone takes several times the plain one on 2 cores), so it runs on
# its own: .github/workflows/sanitize.yml on every pull request.
# Exit code: 0 when both parts pass, 1 otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz_seconds=${1:-30}
cd "$root"

# A sanitizer report fails the test that triggered it; the worker processes
# libonnx runs in (lib/onnx/isolation.h) are this same sanitized binary.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
BUILD_DIR=build-asan bash scripts/build.sh -DOHM_ENABLE_SANITIZERS=ON
(cd build-asan && ctest --output-on-failure -j"$(nproc)" --timeout 1800) || status=1

OHM_FUZZ_REPORT=$root/build-fuzz/REPORT-${fuzz_seconds}s.md bash scripts/fuzz.sh "$fuzz_seconds" || status=1
exit $status
