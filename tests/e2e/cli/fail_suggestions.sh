# "Did you mean": a mistyped command or option exits 2 naming the nearest one
# (Levenshtein, as ninja's SpellcheckStringV); a model name that matches
# nothing exits 1 in info, fetch and list --model, naming the nearest models
# (case-insensitive prefix, else a few edits away).
source "$SRC/tests/e2e/lib.sh"
unset ONNX_HOME XDG_CACHE_HOME
make_repo zoo "$SRC/samples"

check command_near 2 genrate --repo zoo
check command_swapped 2 valdiate
check command_far 2 xyzzy
check verb_near 2 cache lst
check option_near 2 validate --repo zoo --formt json
check option_after_flag 2 generate --repo zoo --quiet --chek
check option_after_values 2 list --repo zoo --tag vision --modl x
check option_of_verb 2 cache verify --fx
check option_with_value 2 fetch --repo zoo --with-dat=1 TinyNet-12
check option_top_level 2 --verison
check option_far 2 inspect --zzzzzzzz x.onnx

# Model names: no match is a problem (exit 1) naming the manifest, with the nearest names.
check info_prefix 1 info --repo zoo tinynet
check fetch_prefix 1 fetch --repo zoo tinynet --cache "$WORK/cache"
[[ ! -d "$WORK/cache" ]] || fail "a failed fetch made the cache"
check list_prefix 1 list --repo zoo --model tinynet
check info_swapped_letters 1 info --repo zoo tinybret
check info_dash_for_space 1 info --repo zoo tiny-mlp
check list_json_prefix 1 list --repo zoo --model kws --format json
check info_far 1 info --repo zoo resnet50

# Exact names in any case are not mistyped; a known model without the tag is an empty answer.
check info_other_case 0 info --repo zoo tinynet-7
check list_known_model_other_tag 0 list --repo zoo --model TINYNET-7 --tag audio --format json
[[ $(json_query "$WORK/stdout" 'len(m)') == 0 ]] || fail "tag filter"
