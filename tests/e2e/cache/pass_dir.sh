# cache dir: the root fetch uses and why ($ONNX_HOME, $XDG_CACHE_HOME, the
# default under $HOME, or --cache), on stdout so that $(cache dir) works.
source "$SRC/tests/e2e/lib.sh"
unset ONNX_HOME XDG_CACHE_HOME

check default 0 cache dir
export XDG_CACHE_HOME="$WORK/xdg"
check xdg 0 cache dir
mkdir -p "$WORK/onnx/hub"
export ONNX_HOME="$WORK/onnx"
check onnx_home_json 0 cache dir --format json
check onnx_home_quiet 0 cache dir -q
check flag 0 cache dir --cache "$WORK/elsewhere"
# fetch places models exactly where cache dir says.
make_repo zoo "$SRC/samples"
check fetch 0 fetch --repo zoo TinyNet-12
[[ $(cat "$WORK/stdout") == "$WORK/onnx/hub/"* ]] || fail "fetch did not use the root cache dir named"
