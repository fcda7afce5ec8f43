# --changed-since keeps the entries it does not rebuild from the target's
# manifest; when the target has no manifest (or an unreadable one) there is
# nothing to keep, and the result is a full regeneration, not a manifest of
# the changed rows alone.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
git -C zoo rm -q ONNX_HUB_MANIFEST.json
git -C zoo commit -qm "no manifest"
sed -i 's/|Tiny MLP |/|Tiny MLP 2 |/' zoo/other/tabular/tiny_mlp/README.md
check full 0 generate --repo zoo -o full.json
[[ $(json_query full.json 'len(m)') == 10 ]] || fail "full run"
check no_manifest_at_target 0 generate --repo zoo --changed-since HEAD~1 -o inc.json
expect_same full.json inc.json
echo '[' > zoo/ONNX_HUB_MANIFEST.json
check unreadable_manifest_at_target 0 generate --repo zoo --changed-since HEAD~1 -o inc2.json
expect_same full.json inc2.json
check unknown_base 2 generate --repo zoo --changed-since no-such-rev -o inc3.json
