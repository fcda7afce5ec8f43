# `cpack -G DEB` in the build tree writes onnx-hub-manifest_<version>_<arch>.deb
# holding exactly the binary, man page, bash completion, schema and README;
# its Depends is libcurl4 (loaded when a download starts) and what
# dpkg-shlibdeps computes for the binary (runtime library packages, no -dev);
# the packaged binary regenerates samples/ byte for byte.
source "$SRC/tests/e2e/lib.sh"
[[ -n "${OHM_BUILD_DIR:-}" && -f "$OHM_BUILD_DIR/CPackConfig.cmake" ]] || fail "OHM_BUILD_DIR has no CPackConfig.cmake"

version=$(bash "$SRC/scripts/version.sh")
arch=$(dpkg --print-architecture)
deb="$WORK/out/onnx-hub-manifest_${version}_${arch}.deb"
cpack -G DEB --config "$OHM_BUILD_DIR/CPackConfig.cmake" -B "$WORK/out" >"$WORK/cpack.log" 2>&1 ||
  { cat "$WORK/cpack.log" >&2; fail "cpack"; }
[[ -f "$deb" ]] || { ls "$WORK/out" >&2; fail "no $deb"; }

[[ $(dpkg-deb -f "$deb" Package) == onnx-hub-manifest ]] || fail "Package field"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "Version field"
[[ $(dpkg-deb -f "$deb" Architecture) == "$arch" ]] || fail "Architecture field"

# Depends: libcurl4, which the binary loads only when a download starts (so
# at least the version it was built against), then dpkg-shlibdeps on the
# built binary, run here the way CPack runs it.
mkdir -p shlibs/debian && printf 'Source: x\n\nPackage: x\nArchitecture: any\n' > shlibs/debian/control
expected=$(cd shlibs && dpkg-shlibdeps -O -e "$OHM" 2>"$WORK/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') ||
  { cat "$WORK/shlibdeps.log" >&2; fail "dpkg-shlibdeps"; }
curl_version=$(pkg-config --modversion libcurl) || fail "pkg-config --modversion libcurl"
expected="libcurl4 (>= $curl_version), $expected"
[[ "$expected" != *", libcurl4 "* ]] || fail "dpkg-shlibdeps sees libcurl, which the binary should load only when it downloads"
depends=$(dpkg-deb -f "$deb" Depends)
[[ -n "$depends" && "$depends" == "$expected" ]] || fail "Depends '$depends', expected '$expected'"
for dep in $(sed 's/([^)]*)//g; s/[,|]/ /g' <<<"$depends"); do
  [[ "$dep" == lib* && "$dep" != *-dev ]] || fail "Depends names $dep"
done
for lib in libgit2 libonnx1 libprotobuf libcurl4 libarchive13 libssl3; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done

# Exactly these files (folders aside): nothing of a library or its headers.
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sort > files
cat > expected_files <<'EOF'
./usr/bin/onnx-hub-manifest
./usr/share/bash-completion/completions/onnx-hub-manifest
./usr/share/doc/onnx-hub-manifest/README.md
./usr/share/man/man1/onnx-hub-manifest.1.gz
./usr/share/onnx-hub-manifest/onnx_hub_manifest.schema.json
EOF
expect_same expected_files files

dpkg-deb -x "$deb" root
expect_same "$SRC/README.md" root/usr/share/doc/onnx-hub-manifest/README.md
expect_same "$SRC/schemas/onnx_hub_manifest.schema.json" root/usr/share/onnx-hub-manifest/onnx_hub_manifest.schema.json
expect_same "$OHM_BUILD_DIR/doc/onnx-hub-manifest.bash" root/usr/share/bash-completion/completions/onnx-hub-manifest
expect_same "$OHM_BUILD_DIR/doc/onnx-hub-manifest.1.gz" root/usr/share/man/man1/onnx-hub-manifest.1.gz
[[ -x root/usr/bin/onnx-hub-manifest ]] || fail "binary not executable"
[[ $(root/usr/bin/onnx-hub-manifest --version) == "$version (commit "*")" ]] || fail "--version: $(root/usr/bin/onnx-hub-manifest --version)"
cp -r "$SRC/samples" samples
rm samples/ONNX_HUB_MANIFEST.json
root/usr/bin/onnx-hub-manifest generate --repo samples -o out.json 2>/dev/null || fail "packaged binary: generate"
expect_same "$SRC/samples/ONNX_HUB_MANIFEST.json" out.json
