#!/usr/bin/env bash
# release_assets.sh TAG OUT_DIR [CMAKE_ARGS...]: the files a GitHub release
# attaches (.github/workflows/release.yml runs this on Debian 12):
#   onnx-hub-manifest_<version>_<arch>.deb   scripts/package.sh
#   onnx-hub-manifest-<version>.tar.gz       git archive of HEAD (knows its commit)
#   SHA256SUMS
# TAG must be v<version>, the version in CMakeLists.txt (scripts/version.sh):
# a tag that disagrees with the source is refused (exit 2) before anything is built.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 2 ]] || { echo "usage: release_assets.sh TAG OUT_DIR [CMAKE_ARGS...]" >&2; exit 2; }
tag=$1 out=$2
shift 2
version=$(bash scripts/version.sh)
if [[ "$tag" != "v$version" ]]; then
  echo "release_assets.sh: tag $tag does not match the version in CMakeLists.txt ($version): tag v$version, or change project(... VERSION)" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
DEB_DIR="$out" bash scripts/package.sh "$@" >/dev/null
git archive --format=tar.gz --prefix="onnx-hub-manifest-$version/" -o "$out/onnx-hub-manifest-$version.tar.gz" HEAD
(cd "$out" && sha256sum "onnx-hub-manifest_${version}_$(dpkg --print-architecture).deb" "onnx-hub-manifest-$version.tar.gz" > SHA256SUMS)
ls -l "$out" >&2
