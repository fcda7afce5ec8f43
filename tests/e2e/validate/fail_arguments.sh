# Could not run: exit 2 with one message, never a finding.
source "$SRC/tests/e2e/lib.sh"
make_repo zoo "$SRC/samples"
run validate --repo does-not-exist
expect_rc 2
run validate --repo zoo --format xml
expect_rc 2
run validate --repo zoo --rev HEAD --staged
expect_rc 2
run validate --repo zoo --rev no-such-rev
expect_rc 2
run validate --repo zoo --changed-since no-such-rev
expect_rc 2
expect_stderr_has "onnx-hub-manifest: error:"
run validate --repo zoo --manifest missing.json
expect_rc 2
expect_stderr_has "--manifest: missing.json"
run validate --repo zoo --schema missing.json
expect_rc 2
echo '{"type": "array", "items": {"$ref": "#/definitions/nowhere"}}' > bad-schema.json
run validate --repo zoo --schema bad-schema.json
expect_rc 2
expect_stderr_has "bad-schema.json"
echo '{"type": "array", "maxItems": 2}' > strict-schema.json
run validate --repo zoo --schema strict-schema.json
expect_rc 1
expect_stderr_has "[schema.violation]"
# A zoo without a manifest is a problem, not a failure to run.
rm zoo/ONNX_HUB_MANIFEST.json
run validate --repo zoo
expect_rc 1
expect_stderr_has "ONNX_HUB_MANIFEST.json: error: the zoo has no manifest; run onnx-hub-manifest generate [manifest.missing]"
# A manifest that is a symlink is never read: a finding, not a failure to run.
ln -s /etc/passwd zoo/ONNX_HUB_MANIFEST.json
run validate --repo zoo
expect_rc 1
expect_stderr_has "[manifest.unreadable]"
