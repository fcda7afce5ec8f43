#!/usr/bin/env bash
# Tests the Debian package as a user meets it: in a fresh Debian 12 root
# (debootstrap --variant=minbase), `apt-get install ./onnx-hub-manifest_*.deb`
# must pull runtime packages only (no compiler, no -dev package), and the
# installed tool must regenerate samples/ONNX_HUB_MANIFEST.json byte for byte.
#
#   bash scripts/test_package.sh [DEB]    (default: builds it with scripts/package.sh)
#
# Needs root (debootstrap, chroot) and the Debian mirror; installs debootstrap
# when it is missing. About 2 minutes beside the build. Not a ctest test: it
# downloads a Debian system and needs chroot, which a test run should not
# depend on (tests/package/ checks the package's contents offline instead).
#   MIRROR      Debian mirror (default: debootstrap's own)
#   CACHE_DIR   debootstrap's download cache (default ~/.cache/onnx-hub-manifest/debootstrap)
#   KEEP_ROOT=1 leave the Debian root in place and print where it is
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
mirror=(${MIRROR:+"$MIRROR"})
cache_dir=${CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/onnx-hub-manifest/debootstrap}

fail() { echo "test_package.sh: FAIL: $*" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || { echo "test_package.sh: needs root (debootstrap, chroot)" >&2; exit 2; }

deb=${1:-$(bash scripts/package.sh)}
[[ -f "$deb" ]] || { echo "test_package.sh: no such package: $deb" >&2; exit 2; }
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
name=$(basename "$deb")

if ! command -v debootstrap >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

root=$(mktemp -d /var/tmp/ohm-debian12-XXXXXX)
chmod 755 "$root"   # as / is; apt's _apt user must reach /var/lib/apt
cleanup() {
  if grep -q " $root/proc " /proc/mounts; then umount "$root/proc" || { echo "left $root (proc still mounted)" >&2; return; }; fi
  if [[ "${KEEP_ROOT:-0}" == 1 ]]; then echo "Debian root kept in $root" >&2; else rm -rf "$root"; fi
}
trap cleanup EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 "$@"; }

echo "== debootstrap bookworm (minbase)${MIRROR:+ from $MIRROR}" >&2
mkdir -p "$cache_dir"
debootstrap --variant=minbase --cache-dir="$cache_dir" bookworm "$root" "${mirror[@]}" >"$root.log" 2>&1 ||
  { tail -20 "$root.log" >&2; fail "debootstrap"; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf"

in_root dpkg-query -W -f='${Package}\n' | sort >"$root/tmp/before"
cp "$deb" "$root/tmp/$name"
echo "== apt-get install ./$name" >&2
in_root apt-get update -qq
in_root sh -c "cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./$name" >"$root/tmp/apt.log" 2>&1 ||
  { cat "$root/tmp/apt.log" >&2; fail "apt-get install ./$name"; }
in_root dpkg-query -W -f='${Package}\t${Section}\n' | sort >"$root/tmp/after"

# What apt installed: every package new since the bare root, with its section.
added=$(cut -f1 "$root/tmp/after" | comm -13 "$root/tmp/before" - | grep -vx onnx-hub-manifest || true)
awk -F '\t' 'NR == FNR { new[$1]; next } $1 in new' <(printf '%s\n' $added) "$root/tmp/after" >"$root/tmp/added"
echo "apt installed onnx-hub-manifest and $(wc -l <"$root/tmp/added") packages it pulled:" >&2
sed 's/\t/ (/; s/$/)/; s/^/  /' "$root/tmp/added" >&2
toolchain='^(gcc|g\+\+|cpp|clang|llvm|binutils|make|cmake|build-essential|dpkg-dev|pkgconf|pkg-config|protobuf-compiler|libtool|autoconf|automake)([-0-9.]|$)'
bad=$(awk -F '\t' -v tc="$toolchain" '$1 ~ /-dev$/ || $1 ~ tc || $2 ~ /(^|\/)(devel|libdevel)$/ { print $1 }' "$root/tmp/added")
[[ -z "$bad" ]] || fail "apt pulled build-time packages: $(echo $bad)"
# Depends is dpkg-shlibdeps' list of shared-library packages (and nothing else).
depends=$(dpkg-deb -f "$deb" Depends)
[[ -n "$depends" ]] || fail "the package has no Depends"
for dep in $(sed 's/([^)]*)//g; s/,/ /g; s/|/ /g' <<<"$depends"); do
  [[ "$dep" == lib* ]] || fail "Depends names $dep, not a library package: $depends"
done

echo "== the installed tool" >&2
version=$(bash scripts/version.sh)
out=$(in_root onnx-hub-manifest --version)
[[ "$out" == "$version"* ]] || fail "--version printed '$out', expected $version..."
! in_root ldd /usr/bin/onnx-hub-manifest | grep -F "not found" || fail "unresolved libraries"
files=$(in_root dpkg -L onnx-hub-manifest)
for f in /usr/bin/onnx-hub-manifest /usr/share/man/man1/onnx-hub-manifest.1.gz \
         /usr/share/bash-completion/completions/onnx-hub-manifest \
         /usr/share/onnx-hub-manifest/onnx_hub_manifest.schema.json /usr/share/doc/onnx-hub-manifest/README.md; do
  grep -qxF "$f" <<<"$files" || fail "the package lacks $f"
done
in_root gzip -t /usr/share/man/man1/onnx-hub-manifest.1.gz || fail "man page is not gzip"
cmp -s "$root/usr/share/onnx-hub-manifest/onnx_hub_manifest.schema.json" schemas/onnx_hub_manifest.schema.json ||
  fail "installed schema differs from schemas/"
reply=$(in_root bash -c 'source /usr/share/bash-completion/completions/onnx-hub-manifest &&
  COMP_WORDS=(onnx-hub-manifest validate --format "") COMP_CWORD=3 && _onnx_hub_manifest && echo "${COMPREPLY[*]}"')
[[ "$reply" == "text json github" ]] || fail "completion of validate --format gave '$reply'"

# As the samples are (the manifest there is also the previous one, reused by
# sha), then from scratch: no previous manifest, every model read.
cp -r "$src/samples" "$root/tmp/samples"
in_root sh -c 'cd /tmp && onnx-hub-manifest generate --repo samples -o out.json' >&2 || fail "generate --repo samples"
cmp "$root/tmp/out.json" "$src/samples/ONNX_HUB_MANIFEST.json" || fail "generate output differs from samples/ONNX_HUB_MANIFEST.json"
in_root sh -c 'cd /tmp && onnx-hub-manifest validate --repo samples' >&2 || fail "validate --repo samples"
rm "$root/tmp/samples/ONNX_HUB_MANIFEST.json" "$root/tmp/out.json"
in_root sh -c 'cd /tmp && onnx-hub-manifest generate --repo samples -o out.json' >&2 || fail "generate without a previous manifest"
cmp "$root/tmp/out.json" "$src/samples/ONNX_HUB_MANIFEST.json" || fail "generate from scratch differs from samples/ONNX_HUB_MANIFEST.json"
echo "test_package.sh: PASS: $name installs with $(wc -l <"$root/tmp/added") runtime packages in Debian 12 and regenerates samples/ byte for byte" >&2
