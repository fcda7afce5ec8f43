#!/usr/bin/env bash
# Sets up (Debian packages), configures and builds into ./build.
# Extra arguments go to cmake's configure step (e.g. -DOHM_ENABLE_SANITIZERS=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B "${BUILD_DIR:-build}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "${BUILD_DIR:-build}" -j"$(nproc)"
