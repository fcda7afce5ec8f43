# One CLI grammar: every command (and every cache verb) takes --version, -q/--quiet,
# --format (its forms, refusing others), --color auto|always|never (NO_COLOR
# honoured, colour only on a terminal), and names its values in --help.
source "$SRC/tests/e2e/lib.sh"
unset ONNX_HOME XDG_CACHE_HOME NO_COLOR
make_repo zoo "$SRC/samples"
M=zoo/vision/classification/tinynet/model
echo "not a folder" > "$WORK/afile"
# The version and the commit the binary was built from change with every build.
FILTERS+=('s/^[0-9][0-9.]* (commit [0-9a-f]*)$/<version> (commit <commit>)/')
# When a cached file was placed changes with every run.
FILTERS+=('s/"modified": [0-9]*/"modified": <mtime>/')

# step name | arguments of a clean run | its --format forms | exit code and arguments of a failing run
CASES=(
  "generate|generate --repo zoo -o $WORK/out.json|text json github|2 generate --repo $WORK/missing"
  "validate|validate --repo zoo|text json github|2 validate --repo $WORK/missing"
  "inspect|inspect $M/tinynet-12.onnx|json text|2 inspect $WORK/missing.onnx"
  "list|list --repo zoo|text json|1 list --repo zoo --model nosuchmodel"
  "info|info --repo zoo TinyNet-12|json text|1 info --repo zoo nosuchmodel"
  "fetch|fetch --repo zoo TinyNet-12 --cache $WORK/cache|text json|1 fetch --repo zoo nosuchmodel --cache $WORK/cache"
  "cache_dir|cache dir --cache $WORK/cache|text json|"
  "cache_list|cache list --cache $WORK/cache|text json|2 cache list --cache $WORK/afile"
  "cache_verify|cache verify --cache $WORK/cache|text json|2 cache verify --cache $WORK/afile"
  "cache_prune|cache prune --cache $WORK/cache|text json|2 cache prune --cache $WORK/afile"
)

for case in "${CASES[@]}"; do
  IFS='|' read -r name clean forms failing <<<"$case"
  read -ra args <<<"$clean"
  command=("${args[@]:0:1}")
  [[ ${args[0]} != cache ]] || command=("${args[@]:0:2}")

  check "$name.version" 0 "${command[@]}" --version
  check "$name.help" 0 "${command[@]}" --help
  check "$name.quiet" 0 "${args[@]}" -q
  for form in $forms; do
    check "$name.format_$form" 0 "${args[@]}" --format "$form"
    if [[ $form == json ]]; then
      "$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/stdout" || fail "$name --format json: not JSON"
    fi
  done
  check "$name.format_xml" 2 "${args[@]}" --format xml
  check "$name.color_sometimes" 2 "${args[@]}" --color sometimes

  [[ -n "$failing" ]] || continue
  read -ra bad <<<"$failing"
  rc=${bad[0]}
  bad=("${bad[@]:1}")
  check "$name.color_always" "$rc" "${bad[@]}" --color always
  check "$name.color_auto_no_terminal" "$rc" "${bad[@]}"
  check_on_terminal "$name.color_auto_terminal" "$rc" "" "${bad[@]}"
  check_on_terminal "$name.color_never_terminal" "$rc" "" "${bad[@]}" --color never
  export NO_COLOR=1
  check_on_terminal "$name.no_color_terminal" "$rc" "" "${bad[@]}"
  unset NO_COLOR
done

# The summary's counts are painted too.
check summary_color_always 1 validate --repo zoo --manifest "$SRC/samples/README.md" --color always
# The top level answers --version the same way.
check top_level_version 0 --version
