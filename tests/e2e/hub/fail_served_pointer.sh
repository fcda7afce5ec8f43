# A hub that serves Git LFS pointers instead of content (raw git files, a
# mirror without LFS): fetch says so and names the URL, instead of a bare sha
# mismatch, and leaves nothing in the cache.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/hub/hub_lib.sh"
mkdir served && cp -r "$SRC/samples"/. served/
real="$SRC/samples/$TINYNET/tinynet-12.onnx"
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize %s\n' "$(sha256sum "$real" | cut -d' ' -f1)" \
  "$(stat -c %s "$real")" > "served/$TINYNET/tinynet-12.onnx"
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize 5\n' "$(printf other | sha256sum | cut -d' ' -f1)" \
  > "served/$TINYNET/tinynet-7.onnx"
start_server "$WORK/served"
HUB="http://127.0.0.1:$PORT/ok/"
export ONNX_HOME="$WORK/onnx"

check pointer_to_the_content 1 fetch --hub "$HUB" --trust tinynet-12
[[ -z $(files_under "$WORK/onnx") ]] || fail "something was cached: $(files_under "$WORK/onnx")"
check pointer_to_other_content 1 fetch --hub "$HUB" --trust tinynet-7 --format json
# Real content still comes through.
check real_content 0 fetch --hub "$HUB" --trust tinybert
