# Fault injection in the sample zoo's READMEs: each fault is reported with its
# check id, severity, file and line, and nothing else is.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/validate/faults.sh"
MF=ONNX_HUB_MANIFEST.json
MLP=other/tabular/tiny_mlp/model/tiny-mlp-9.onnx
MLP_README=other/tabular/tiny_mlp/README.md
T7=vision/classification/tinynet/model/tinynet-7.onnx
TINYNET=vision/classification/tinynet/README.md
KWS=audio/keyword_spotting/model/kws-small-12.onnx

fault model_renamed "model renamed in its README only"
sed -i 's/^|TinyNet-7    |/|TinyNet-7b   |/' z/$TINYNET
# The feature-tensor table names "TinyNet-7", so its extra_ports go too.
printf '%s\n' "entry.stale error $MF $(entry_line $T7 model)" \
              "entry.stale error $MF $(entry_line $T7 extra_ports)" | expect_findings 1
check model_renamed.text 1 validate --repo z

fault row_removed "README row removed"
sed -i '/^|KWS-small /d' z/audio/keyword_spotting/README.md
expect_findings 1 <<<"entry.extra error $MF $(($(entry_line $KWS model) - 1))"

fault row_not_written "README rows never written to the manifest"
echo '|TinyNet-7 again |[0.7 KB](model/tinynet-7.onnx) | |1.2 |7 | 12.5 |' > row.txt
sed -i '10r row.txt' z/$TINYNET
expect_findings 1 <<<"entry.missing error $TINYNET 11"

fault opset_changed "README opset changed"
sed -i 's/|1.4 |9 |/|1.4 |10 |/' z/$MLP_README
printf '%s\n' "entry.stale error $MF $(entry_line $MLP opset_version)" \
              "model.opset-mismatch error $MLP_README 5" | expect_findings 1

fault model_opset_differs "model opset differs from README"
sed -i 's/|1.4 |9 |/|1.4 |10 |/' z/$MLP_README
regenerate 0
expect_findings 1 <<<"model.opset-mismatch error $MLP_README 5"
check model_opset_differs.text 1 validate --repo z

fault opset_not_a_number "README opset cell not a number"
sed -i 's/|1.4 |9 |/|1.4 |nine |/' z/$MLP_README
expect_findings 1 <<<"readme.row.opset error $MLP_README 5"

fault link_to_nothing "README linking a file that does not exist"
sed -i 's/tiny%2Dmlp-9.onnx/tiny-mlp-10.onnx/' z/$MLP_README
printf '%s\n' "entry.extra error $MF $(($(entry_line $MLP model) - 1))" \
              "artifact.missing error $MLP_README 5" | expect_findings 1

fault unreachable_readme "unreachable model README"
sed -i '/Tiny MLP\](other/d' z/README.md
regenerate 0
expect_findings 0 <<<"readme.unreachable warning $MLP_README 5"
expect_findings 1 --strict <<<"readme.unreachable error $MLP_README 5"

fault renamed_folder "paths left pointing at a renamed folder"
git -C z mv audio/keyword_spotting audio/kws
sed -i 's|(audio/keyword_spotting)|(audio/kws)|' z/README.md
sed -i 's|(/audio/keyword_spotting/|(/audio/kws/|' z/audio/kws/README.md
printf '%s\n' "entry.extra error $MF 2" "entry.extra error $MF 19" \
              "entry.missing error audio/kws/README.md 7" "entry.missing error audio/kws/README.md 8" | expect_findings 1
