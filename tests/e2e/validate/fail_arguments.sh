# Could not run: exit 2 with one message, never a finding.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
check missing_repo 2 validate --repo does-not-exist
check bad_format 2 validate --repo zoo --format xml
check rev_with_staged 2 validate --repo zoo --rev HEAD --staged
check unknown_rev 2 validate --repo zoo --rev no-such-rev
check unknown_base 2 validate --repo zoo --changed-since no-such-rev
check missing_manifest 2 validate --repo zoo --manifest missing.json
check missing_schema 2 validate --repo zoo --schema missing.json
echo '{"type": "array", "items": {"$ref": "#/definitions/nowhere"}}' > bad-schema.json
check bad_schema 2 validate --repo zoo --schema bad-schema.json
echo '{"type": "array", "maxItems": 2}' > strict-schema.json
check strict_schema 1 validate --repo zoo --schema strict-schema.json
# A zoo without a manifest is a problem, not a failure to run.
rm zoo/ONNX_HUB_MANIFEST.json
check no_manifest 1 validate --repo zoo
# A manifest that is a symlink is never read: a finding, not a failure to run.
ln -s /etc/passwd zoo/ONNX_HUB_MANIFEST.json
check symlinked_manifest 1 validate --repo zoo
