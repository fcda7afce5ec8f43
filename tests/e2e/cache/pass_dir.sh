# cache dir: the root fetch uses and why ($ONNX_HOME, $XDG_CACHE_HOME, the
# default under $HOME, or --cache), on stdout so that $(cache dir) works.
source "$SRC/tests/e2e/lib.sh"
unset ONNX_HOME XDG_CACHE_HOME

run cache dir
expect_rc 0
[[ $(cat "$WORK/stdout") == "$HOME/.cache/onnx/hub" ]] || fail "default root: $(cat "$WORK/stdout")"
expect_stderr_has "cache dir: neither \$ONNX_HOME nor \$XDG_CACHE_HOME is set; the default under \$HOME ('$HOME'); nothing is cached there yet"

XDG_CACHE_HOME="$WORK/xdg" run cache dir
[[ $(cat "$WORK/stdout") == "$WORK/xdg/onnx/hub" ]] || fail "XDG root"
expect_stderr_has "\$XDG_CACHE_HOME is '$WORK/xdg' and \$ONNX_HOME is not set"

mkdir -p "$WORK/onnx/hub"
ONNX_HOME="$WORK/onnx" XDG_CACHE_HOME="$WORK/xdg" run cache dir --format json
expect_rc 0
[[ $(json_query "$WORK/stdout" '(m["root"], m["variable"], m["exists"])') == "('$WORK/onnx/hub', 'ONNX_HOME', True)" ]] \
  || fail "json: $(cat "$WORK/stdout")"
ONNX_HOME="$WORK/onnx" run cache dir -q
[[ ! -s "$WORK/stderr" ]] || fail "-q printed the reason"

run cache dir --cache "$WORK/elsewhere"
[[ $(cat "$WORK/stdout") == "$WORK/elsewhere" ]] || fail "--cache"
expect_stderr_has "cache dir: --cache names it"
# fetch places models exactly there.
make_repo zoo "$SRC/samples"
ONNX_HOME="$WORK/onnx" run fetch --repo zoo TinyNet-12
expect_rc 0
[[ $(cat "$WORK/stdout") == "$WORK/onnx/hub/"* ]] || fail "fetch did not use the root cache dir named"
