# libgit2 (built with mbedTLS, as Debian's is) parses the system's CA bundle
# when it starts; the tool, which never lets libgit2 reach the network, gives
# it a mbedtls_x509_crt_parse_file that loads nothing
# (tools/libgit2_ca_bundle.cc). The dynamic linker's own trace shows
# libgit2's call bound to the tool's function, and the run is unchanged.
source "$SRC/tests/e2e/lib.sh"
libs=$(ldd "$OHM")  # whole, not piped to grep -q: that could cut ldd off (pipefail)
git2=$(awk '/libgit2/ { print $3 }' <<< "$libs")
[[ -n "$git2" ]] || fail "the tool does not link libgit2"
if [[ "$(ldd "$git2")" != *libmbedx509* ]]; then
  exit 0  # a libgit2 on another TLS library never calls it
fi
LD_DEBUG=bindings LD_DEBUG_OUTPUT="$PWD/bindings" "$OHM" generate --repo "$SRC/samples" -o - > manifest.json
cat bindings.* > bindings
grep -q "binding file [^ ]*libgit2[^ ]* \[0\] to $OHM \[0\]: normal symbol \`mbedtls_x509_crt_parse_file'" bindings ||
  fail "libgit2's mbedtls_x509_crt_parse_file is not bound to the tool's: $(grep mbedtls_x509_crt_parse_file bindings | head -3)"
cmp -s manifest.json "$SRC/samples/ONNX_HUB_MANIFEST.json" || fail "generate --repo samples gives another manifest"
