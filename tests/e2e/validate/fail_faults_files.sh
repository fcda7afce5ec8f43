# Fault injection in the sample zoo's files (models, archives): each fault is
# reported with its check id, severity, file and line, and nothing else is.
source "$SRC/tests/e2e/lib.sh"
source "$SRC/tests/e2e/validate/faults.sh"
MF=ONNX_HUB_MANIFEST.json
TINYNET=vision/classification/tinynet/README.md
T7=vision/classification/tinynet/model/tinynet-7
MLP=other/tabular/tiny_mlp/model/tiny-mlp-9.onnx

fault missing_file "missing file"
rm z/vision/classification/tinynet/model/tinynet-12.onnx
expect_findings 1 <<<"artifact.missing error $TINYNET 10"

fault symlinked_model "symlinked model"
rm z/$T7.onnx
ln -s /etc/passwd z/$T7.onnx
expect_findings 1 <<<"artifact.not-regular error $TINYNET 9"
check symlinked_model.text 1 validate --repo z

fault archive_dotdot "tar.gz with a ../ entry"
tarball z/$T7.tar.gz tinynet-7/model.onnx=z/$T7.onnx $TD7 ../evil.txt=-
regenerate 0
expect_findings 1 <<<"archive.unsafe-entry error $TINYNET 9"
check archive_dotdot.text 1 validate --repo z

fault archive_two_models "tar.gz with two models"
tarball z/$T7.tar.gz tinynet-7/model.onnx=z/$T7.onnx tinynet-7/other.onnx=z/$T7.onnx \
  $TD7
regenerate 0
expect_findings 0 <<<"archive.model-count warning $TINYNET 9"

fault archive_no_test_data "tar.gz without test data"
tarball z/$T7.tar.gz tinynet-7/model.onnx=z/$T7.onnx
regenerate 0
expect_findings 0 <<<"archive.no-test-data warning $TINYNET 9"

fault archive_other_model "tar.gz holding another model"
tarball z/$T7.tar.gz tinynet-7/model.onnx=z/vision/classification/tinynet/model/tinynet-12.onnx \
  $TD7
regenerate 0
expect_findings 0 <<<"archive.model-sha warning $TINYNET 9"

fault archive_damaged "damaged tar.gz"
printf 'not a tarball' > z/$T7.tar.gz
regenerate 0
expect_findings 1 <<<"archive.damaged error $TINYNET 9"

fault external_data "external data"
"$PY" - z/$MLP <<'PYEOF'
import sys
from onnx import TensorProto, helper as h
w = h.make_tensor("W", TensorProto.FLOAT, [4, 2], [0.0] * 8)
w.ClearField("float_data")
w.data_location = TensorProto.EXTERNAL
w.external_data.add(key="location", value="weights.bin")
g = h.make_graph([h.make_node("MatMul", ["x", "W"], ["y"])], "mlp",
                 [h.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
                 [h.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])], initializer=[w])
m = h.make_model(g, opset_imports=[h.make_opsetid("", 9)])
m.ir_version = 4
open(sys.argv[1], "wb").write(m.SerializeToString())
PYEOF
regenerate 1
# weights.bin is not there: one error, at the row (the ONNX checker, as
# check_model(path), refuses the model for the same reason: not said twice).
expect_findings 1 <<FINDINGS
artifact.missing error other/tabular/tiny_mlp/README.md 5
FINDINGS

fault stale_io_ports "stale io_ports of a model at hand"
line=$(entry_line $MLP io_ports)
sed -i "$((line + 3))s/\"name\": \"x\"/\"name\": \"input\"/" $M
expect_findings 1 <<<"entry.stale error $MF $line"
