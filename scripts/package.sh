#!/usr/bin/env bash
# Builds the Debian package: installs the build dependencies (setup.sh
# --build-only), makes a Release build without tests in its own build folder
# and runs `cpack -G DEB` there. Prints the path of the .deb on stdout (the
# build's output goes to stderr).
#   BUILD_DIR  build folder (default: build-package)
#   DEB_DIR    folder the .deb is copied to (default: the build folder)
# Extra arguments go to cmake's configure step
# (e.g. -DOHM_PACKAGE_HOMEPAGE=https://github.com/<owner>/onnx-hub-manifest).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-package}
bash scripts/setup.sh --build-only
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DOHM_BUILD_TESTS=OFF "$@" >&2
cmake --build "$build_dir" -j"$(nproc)" >&2
(cd "$build_dir" && cpack -G DEB >&2)
name="onnx-hub-manifest_$(bash scripts/version.sh)_$(dpkg --print-architecture).deb"
[[ -f "$build_dir/$name" ]] || { echo "package.sh: cpack did not write $build_dir/$name" >&2; exit 1; }
deb_dir=${DEB_DIR:-$build_dir}
mkdir -p "$deb_dir"
[[ "$deb_dir" -ef "$build_dir" ]] || cp "$build_dir/$name" "$deb_dir/"
echo "$(cd "$deb_dir" && pwd)/$name"
