# Model checks as the zoo's CI ran them (issue 10): one archive per testdata.*
# fault, one model per payload fault and a model the ONNX checker refuses are
# each reported with their id at their README row; the clean archives (one
# with two test data sets) give nothing. validate errs, generate warns and
# still writes every entry, inspect reports them for one file.
source "$SRC/tests/e2e/lib.sh"
mkdir zoo && "$PY" "$SRC/tests/e2e/validate/make_check_zoo.py" zoo
R=models/README.md
"$OHM" generate --repo zoo -q 2>/dev/null || true   # warns; writes the manifest

run validate --repo zoo --format json
"$PY" -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f["check"], f["severity"], f["file"], f["line"])
' stdout > got.txt
cat > want.txt <<WANT
testdata.missing error $R 7
testdata.extra error $R 8
testdata.type error $R 9
testdata.shape error $R 10
testdata.shape error $R 11
testdata.unreadable error $R 12
testdata.missing error $R 13
testdata.tensor-size error $R 14
testdata.shape error $R 15
testdata.shape error $R 16
model.tensor-size error $R 17
model.tensor-size error $R 18
onnx.inference.failed warning $R 19
model.checker error $R 19
WANT
expect_same want.txt got.txt
expect_rc 1 "validate errs"
run validate --repo zoo
expect_stderr_has "$R:7: error: models/no-input.tar.gz: no-input/test_data_set_0: has no input_0.pb for input 0 \"x\" (tensor(float)) [testdata.missing]"
expect_stderr_has "int64-data/test_data_set_0/input_0.pb: holds tensor(int64), not the tensor(float) of input 0 \"x\" (tensor(float)) [testdata.type]"
expect_stderr_has "batch-mismatch/test_data_set_0/output_0.pb: has N = 2 in dim 0 of output 0 \"y\" (tensor(float)), but batch-mismatch/test_data_set_0/input_0.pb has N = 1 [testdata.shape]"
expect_stderr_has "$R:17: error: models/raw-data-short.onnx: tensor \"w\" (initializer): raw_data holds 28 bytes"
expect_stderr_has "$R:19: error: models/not-ssa.onnx: the ONNX checker refuses it: Graph must be in single static assignment (SSA) form"

# generate: the same ids as warnings, and all 15 entries written.
run generate --repo zoo -o out.json
expect_rc 0 "generate warns"
[[ $(grep -c ': warning: .*\[\(testdata\|model\)\.' stderr) == 13 ]] || { cat stderr >&2; fail "generate's warnings"; }
[[ $(json_query out.json 'len(m)') == 15 ]] || fail "every entry written"

# inspect: one archive, one model.
run inspect zoo/models/wrong-dim.tar.gz
expect_rc 1 "inspect of a faulty archive"
expect_stderr_has "zoo/models/wrong-dim.tar.gz: error: wrong-dim/test_data_set_0/input_0.pb: has dims [1, 5], but dim 1 of input 0 \"x\" (tensor(float)) [N, 4] is 4 [testdata.shape]"
run inspect zoo/models/clean-two-sets.tar.gz
expect_rc 0 "inspect of a clean archive"
[[ $(json_query stdout 'm["test_data_sets"], m["models"][0]["checker"]') == "['clean-two-sets/test_data_set_0', 'clean-two-sets/test_data_set_1'] {'passed': True, 'message': ''}" ]] ||
  { cat stdout >&2; fail "inspect JSON"; }
run inspect zoo/models/not-ssa.onnx
expect_rc 1 "the checker refuses"
[[ $(json_query stdout 'm["checker"]["passed"]') == False ]] || fail "checker verdict in JSON"
run inspect zoo/models/not-ssa.onnx --full-check
expect_rc 1 "full check"
expect_stderr_has "the ONNX checker (full check) refuses it"
