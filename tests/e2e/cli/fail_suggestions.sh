# "Did you mean": a mistyped command or option exits 2 naming the nearest one
# (Levenshtein, as ninja's SpellcheckStringV); a model name that matches
# nothing exits 1 in info, fetch and list --model, naming the nearest models
# (case-insensitive prefix, else a few edits away).
source "$SRC/tests/e2e/lib.sh"
unset ONNX_HOME XDG_CACHE_HOME
make_repo zoo "$SRC/samples"

check_hint() {  # check_hint RC MESSAGE ARGS...
  local rc=$1 message=$2; shift 2
  run "$@"
  expect_rc "$rc" "$*"
  expect_stderr_has "$message"
  [[ ! -s "$WORK/stdout" ]] || fail "$* printed on stdout: $(cat "$WORK/stdout")"
}

check_hint 2 "onnx-hub-manifest: error: unknown command 'genrate'; did you mean generate?" genrate --repo zoo
check_hint 2 "unknown command 'valdiate'; did you mean validate?" valdiate
check_hint 2 "unknown command 'xyzzy'; see onnx-hub-manifest --help" xyzzy
check_hint 2 "unknown command 'lst'; did you mean list?" cache lst
check_hint 2 "validate has no option --formt; did you mean --format?" validate --repo zoo --formt json
check_hint 2 "generate has no option --chek; did you mean --check?" generate --repo zoo --chek
check_hint 2 "generate has no option --chek; did you mean --check?" generate --repo zoo --quiet --chek
check_hint 2 "list has no option --modl; did you mean --model?" list --repo zoo --tag vision --modl x
check_hint 2 "cache verify has no option --fx; did you mean --fix?" cache verify --fx
check_hint 2 "fetch has no option --with-dat; did you mean --with-data?" fetch --repo zoo --with-dat=1 TinyNet-12
check_hint 2 "onnx-hub-manifest has no option --verison; did you mean --version?" --verison
check_hint 2 "inspect has no option --zzzzzzzz; see onnx-hub-manifest inspect --help" inspect --zzzzzzzz x.onnx

# Model names: no match is a problem (exit 1) naming the manifest, with the nearest names.
near="no model named 'tinynet' in the manifest; did you mean TinyNet-12, TinyNet-7 or TinyNet-preproc? [hub.no-such-model]"
check_hint 1 "ONNX_HUB_MANIFEST.json: error: $near" info --repo zoo tinynet
check_hint 1 "$near" fetch --repo zoo tinynet --cache "$WORK/cache"
check_hint 1 "$near" list --repo zoo --model tinynet
check_hint 1 "did you mean TinyBERT?" info --repo zoo tinybret
check_hint 1 "did you mean Tiny MLP?" info --repo zoo tiny-mlp
check_hint 1 "did you mean KWS-large or KWS-small?" list --repo zoo --model kws --format json
run info --repo zoo resnet50
expect_rc 1 "no near name"
expect_stderr_has "no model named 'resnet50' in the manifest [hub.no-such-model]"
[[ ! -d "$WORK/cache" ]] || fail "a failed fetch made the cache"

# Exact names in any case are not mistyped; a known model without the tag is an empty answer.
run info --repo zoo tinynet-7
expect_rc 0 "case-insensitive name"
run list --repo zoo --model TINYNET-7 --tag audio --format json
expect_rc 0 "known model, other tag"
[[ $(json_query "$WORK/stdout" 'len(m)') == 0 ]] || fail "tag filter"
