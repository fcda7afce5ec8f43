# Model checks as the zoo's CI ran them (issue 10): one archive per testdata.*
# fault, one model per payload fault and a model the ONNX checker refuses are
# each reported with their id at their README row; the clean archives (one
# with two test data sets) give nothing. validate errs, generate warns and
# still writes every entry, inspect reports them for one file.
source "$SRC/tests/e2e/lib.sh"
mkdir zoo && "$PY" "$SRC/tests/e2e/validate/make_check_zoo.py" zoo
R=models/README.md
check first_generate 0 generate --repo zoo

check validate_json 1 validate --repo zoo --format json
"$PY" -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f["check"], f["severity"], f["file"], f["line"])
' "$WORK/stdout" > got.txt
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
check validate_text 1 validate --repo zoo

# generate again (ports reused by sha): the same ids as warnings, every entry written.
check generate 0 generate --repo zoo -o out.json
[[ $(grep -c ': warning: .*\[\(testdata\|model\)\.' "$WORK/stderr") == 13 ]] || fail "generate's warnings"
[[ $(json_query out.json 'len(m)') == 15 ]] || fail "every entry written"

# inspect: one archive, one model.
check inspect_faulty_archive 1 inspect zoo/models/wrong-dim.tar.gz
check inspect_clean_archive 0 inspect zoo/models/clean-two-sets.tar.gz
[[ $(json_query "$WORK/stdout" 'm["test_data_sets"], m["models"][0]["checker"]') == \
   "['clean-two-sets/test_data_set_0', 'clean-two-sets/test_data_set_1'] {'passed': True, 'message': ''}" ]] ||
  fail "inspect JSON"
check inspect_refused 1 inspect zoo/models/not-ssa.onnx
[[ $(json_query "$WORK/stdout" 'm["checker"]["passed"]') == False ]] || fail "checker verdict in JSON"
check inspect_full_check 1 inspect zoo/models/not-ssa.onnx --full-check
