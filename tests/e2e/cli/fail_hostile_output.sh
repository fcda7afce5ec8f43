# Output cannot be turned against the user: -o replaces only a regular file
# (never a fifo, a symlink or a folder), a failed write to stdout is exit 2
# (not a silent exit 0), and control characters a manifest carries (a
# terminal title change, a screen clear) are printed escaped.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
mkfifo "$WORK/fifo"
ln -s "$WORK/target.json" "$WORK/link.json"
mkdir "$WORK/folder.json"
check to_fifo 2 generate --repo zoo -o "$WORK/fifo"
check to_symlink 2 generate --repo zoo -o "$WORK/link.json"
check to_folder 2 generate --repo zoo -o "$WORK/folder.json"
[[ -p "$WORK/fifo" && -L "$WORK/link.json" && ! -e "$WORK/target.json" && -d "$WORK/folder.json" ]] || fail "an -o target was replaced"
[[ -z $(find "$WORK" -maxdepth 1 -name '*.tmp.*') ]] || fail "a temp file was left"

# stdout that cannot be written (a full disk) is a failure to run.
check_command full_stdout_generate 2 bash -c '"$0" generate --repo zoo -o - > /dev/full' "$OHM"
check_command full_stdout_list 2 bash -c '"$0" list --repo zoo > /dev/full' "$OHM"
check_command full_stdout_list_json 2 bash -c '"$0" list --repo zoo --format json > /dev/full' "$OHM"

# A model name with a title change (OSC) and a screen clear (CSI).
"$PY" - zoo/ONNX_HUB_MANIFEST.json <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m[0]["model"] = "Evil\x1b]0;pwned\x07\x1b[2J\x9b31m-1"
m[0]["metadata"]["tags"] = ["bad\ttag\n"]
json.dump(m, open(sys.argv[1], "w"), indent=4)
PY
check escaped_list 0 list --repo zoo
check escaped_info 0 info --repo zoo "$(json_query zoo/ONNX_HUB_MANIFEST.json 'm[0]["model"]')"
grep -q $'\x1b' "$WORK/stdout" && fail "an escape character reached the terminal"
check json_keeps_text 0 list --repo zoo --format json
[[ $(json_query "$WORK/stdout" 'm[0]["model"]') == "$(json_query zoo/ONNX_HUB_MANIFEST.json 'm[0]["model"]')" ]] || fail "json output changed the name"
