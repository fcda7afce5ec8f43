#!/usr/bin/env bash
# Installs every Debian package the build, the tests and the benchmarks need.
# Runs apt only when something is missing, so repeated runs are fast.
# `setup.sh --build-only` installs only what building the tool and its .deb
# needs (scripts/package.sh, the GitHub Action's build step).
# `setup.sh --fuzz` installs only clang and its libFuzzer/sanitizer runtimes
# (scripts/fuzz.sh and scripts/sanitize.sh; the default build and tests use g++).
set -euo pipefail

# file: CPack's DEB generator needs it to find the binaries for dpkg-shlibdeps.
packages=(
  build-essential cmake pkg-config git file
  libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libonnx-dev libprotobuf-dev protobuf-compiler
  nlohmann-json3-dev libvalijson-dev libssl-dev libarchive-dev
  libcli11-dev libcurl4-openssl-dev libmimalloc-dev
)
if [[ "${1:-}" == --fuzz ]]; then
  packages=(clang libclang-rt-dev)
elif [[ "${1:-}" != --build-only ]]; then
  packages+=(
    git-lfs ca-certificates libgtest-dev libgmock-dev
    libonnx-testdata python3 python3-onnx python3-numpy python3-jsonschema python3-yaml
    openssl pre-commit time util-linux groff-base
  )
  # A Node.js that ships its own npm (NodeSource) conflicts with Debian's npm
  # package: take Debian's pair only where no npm is on the machine yet.
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
