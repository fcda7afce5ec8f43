#!/usr/bin/env bash
# Prints the project's version: project(... VERSION x.y.z) of the top-level
# CMakeLists.txt, the one place it is written (release tags are v<version>).
set -euo pipefail
sed -n 's/^project(onnx_hub_manifest VERSION \([0-9][0-9.]*\)[ )].*/\1/p' "$(dirname "$0")/../CMakeLists.txt" | grep . ||
  { echo "version.sh: no project(onnx_hub_manifest VERSION ...) in CMakeLists.txt" >&2; exit 2; }
