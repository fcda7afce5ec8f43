# A hub that serves Git LFS pointers instead of content (raw git files, a
# mirror without LFS): fetch says so and names the URL, instead of a bare sha
# mismatch, and leaves nothing in the cache.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
mkdir served && cp -r "$SRC/samples"/. served/
real="$SRC/samples/$TINYNET/tinynet-12.onnx"
sha=$(sha256sum "$real" | cut -d' ' -f1)
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize %s\n' "$sha" "$(stat -c %s "$real")" \
  > "served/$TINYNET/tinynet-12.onnx"
other=$(printf other | sha256sum | cut -d' ' -f1)
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize 5\n' "$other" > "served/$TINYNET/tinynet-7.onnx"
start_server "$WORK/served"
HUB="http://127.0.0.1:$PORT/ok/"
export ONNX_HOME="$WORK/onnx"

run fetch --hub "$HUB" --trust tinynet-12
expect_rc 1 "pointer served"
expect_stderr_has "error: ${HUB}$TINYNET/tinynet-12.onnx is a Git LFS pointer (to the manifest's sha256, $(stat -c %s "$real") bytes), not the file's content: the hub serves pointers instead of LFS content; nothing was written [hub.pointer-served]"
expect_stderr_lacks "[hub.sha-mismatch]"
[[ -z $(files_under "$WORK/onnx") ]] || fail "something was cached: $(files_under "$WORK/onnx")"

run fetch --hub "$HUB" --trust tinynet-7 --format json
expect_rc 1 "pointer to other content"
expect_stderr_has "tinynet-7.onnx is a Git LFS pointer (to $other, 5 bytes)"
[[ ! -s "$WORK/stdout" ]] || fail "json on a failure"

# Real content still comes through.
run fetch --hub "$HUB" --trust tinybert
expect_rc 0 "real content"
