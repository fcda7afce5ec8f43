// ModelReader on the fixture models of tests/fixtures/onnx/make_models.py:
// one model per SPEC 5 case, with the io_ports onnxruntime reports (checked
// against onnxruntime-node 1.30 by tests/conformance, except where noted).
#include "onnx/model_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace ohm::onnx {
namespace {

using test::finish_into;
using test::fixture_path;
using test::inspect_bytes;
using test::ports_json;
using test::read_fixture;

std::string port(const std::string& name, const std::string& shape, const std::string& type) {
  return R"({"name":")" + name + R"(","shape":)" + shape + R"(,"type":")" + type + R"("})";
}
std::string ports(const std::string& inputs, const std::string& outputs) {
  return R"({"inputs":[)" + inputs + R"(],"outputs":[)" + outputs + "]}";
}
const char* kF = "tensor(float)";

struct Case {
  const char* model;
  std::string io_ports;
};

class FixtureTest : public ::testing::TestWithParam<Case> {};

TEST_P(FixtureTest, IoPortsAsOnnxruntimeReportsThem) {
  const Case& c = GetParam();
  const std::string bytes = read_fixture(c.model);
  ASSERT_FALSE(bytes.empty()) << fixture_path(c.model);
  for (std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{7}}) {
    Diagnostics diags;
    auto info = inspect_bytes(bytes, chunk, diags);
    ASSERT_TRUE(info.ok()) << c.model << ": " << info.error();
    EXPECT_EQ(ports_json(*info).dump(), c.io_ports) << c.model << " in chunks of " << chunk;
  }
  // Read ahead: the structure by positional reads of the file.
  ModelReader reader;
  auto read = fs::read_regular_file_at_offsets(
      fixture_path(c.model), [&](std::uint64_t size, const fs::ReadAt& at) { return reader.read_structure(size, at); });
  ASSERT_TRUE(read.ok()) << read.error();
  Diagnostics diags;
  auto info = finish_into(reader, diags);
  ASSERT_TRUE(info.ok()) << c.model << ": " << info.error();
  EXPECT_EQ(ports_json(*info).dump(), c.io_ports) << c.model << " read by its structure";
}

INSTANTIATE_TEST_SUITE_P(
    Spec5, FixtureTest,
    ::testing::Values(
        // Merge rule: a declared output without shape takes the inferred one.
        Case{"relu_no_shape", ports(port("X", R"(["N",3,224,224])", kF), port("Y", R"(["N",3,224,224])", kF))},
        // An inferred int replaces a declared symbol.
        Case{"relu_symbolic_declared", ports(port("X", "[2,3]", kF), port("Y", "[2,3]", kF))},
        // A conflicting declared dim becomes null; a rank conflict gives [].
        Case{"relu_conflict", ports(port("X", "[2,3]", kF), port("Y", "[2,null]", kF))},
        Case{"relu_rank_conflict", ports(port("X", "[2,3]", kF), port("Y", "[]", kF))},
        // A declared symbol fills an unknown dim; a declared symbol is kept.
        Case{"relu_partial", ports(port("X", R"(["N",3])", kF), port("Y", R"(["N",3])", kF))},
        Case{"relu_symbol_kept", ports(port("X", R"(["N",3])", kF), port("Y", R"(["B",3])", kF))},
        // Unknown stays null; a name the model declares itself (even unk__0) is kept.
        Case{"relu_invented_symbol", ports(port("X", "[null,3]", kF), port("Y", "[null,3]", kF))},
        Case{"relu_declared_unk", ports(port("X", R"(["unk__0",3])", kF), port("Y", R"(["unk__0",3])", kF))},
        // An output declared without a type takes the inferred type.
        Case{"relu_no_type", ports(port("X", R"(["N",3])", kF), port("Y", R"(["N",3])", kF))},
        // Small tensors feed inference: Reshape from an initializer and from a
        // Constant node, Resize and Upsample with float scales, Shape data propagation.
        Case{"reshape_initializer", ports(port("X", "[2,3,4]", kF), port("Y", "[1,24]", kF))},
        Case{"reshape_constant", ports(port("X", "[2,3,4]", kF), port("Y", "[4,6]", kF))},
        Case{"resize_scales", ports(port("X", "[1,3,4,5]", kF), port("Y", "[1,3,8,15]", kF))},
        Case{"upsample_scales", ports(port("X", "[1,3,4,5]", kF), port("Y", "[1,3,8,15]", kF))},
        Case{"shape_propagation",
             ports(port("X", "[2,3,4]", kF) + "," + port("Z", "[24]", kF), port("Y", "[2,3,4]", kF))},
        // A dropped (100 KiB) weight still gives its dims to inference.
        Case{"big_weight", ports(port("X", R"(["N",256])", kF), port("Y", R"(["N",100])", kF))},
        // A shape tensor over the kept-payload cap: inference cannot use it
        // (onnxruntime, which reads it, reports 2000 ones).
        Case{"reshape_big_shape", ports(port("X", "[2,3,4]", kF), port("Y", "[]", kF))},
        // IR 3 lists weights as inputs: they are not ports.
        Case{"ir3_weights_as_inputs", ports(port("X", "[1,3]", kF), port("Y", "[1,3]", kF))},
        // Non-tensor types.
        Case{"sequence_identity", ports(port("S", "[]", "seq(tensor(uint8))"), port("S2", "[]", "seq(tensor(uint8))"))},
        Case{"map_passthrough",
             ports(port("M", "[]", "map(int64,tensor(float))"), port("M", "[]", "map(int64,tensor(float))"))},
        Case{"optional_identity",
             ports(port("O", "[]", "optional(tensor(float))"), port("O2", "[]", "optional(tensor(float))"))},
        Case{"sparse_passthrough",
             ports(port("SP", "[]", "sparse_tensor(float)"), port("SP", "[]", "sparse_tensor(float)"))},
        // External data: the side file is missing, io_ports come from the graph.
        Case{"external_data", ports(port("X", R"(["N",4])", kF), port("Y", R"(["N",4])", kF))},
        // What libonnx 1.12 cannot infer: outputs as declared.
        Case{"unknown_op", ports(port("X", "[2,3]", kF), port("Y", R"(["N",3])", kF))},
        Case{"opset18", ports(port("X", "[2,3]", kF), port("Y", "[]", kF))},
        // Subgraphs with Constant nodes; "ai.onnx" as the default domain.
        Case{"if_subgraph", ports(port("C", "[]", "tensor(bool)"), port("Y", "[2,2]", kF))},
        Case{"ai_onnx_domain", ports(port("X", "[2,3]", kF), port("Y", "[2,3]", kF))},
        // A value_info that conflicts with inference: inferred again without it
        // (onnxruntime reports [null,null] here).
        Case{"value_info_conflict", ports(port("X", "[2,3]", kF), port("Y", "[2,3]", kF))}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.model); });

TEST(ModelReaderTest, ModelFieldsAndNoWarnings) {
  Diagnostics diags;
  auto info = inspect_bytes(read_fixture("ir3_weights_as_inputs"), 0, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->opset, 8);
  EXPECT_EQ(info->ir_version, 3);
  EXPECT_EQ(info->producer_name, "ohm-fixtures");
  EXPECT_EQ(info->producer_version, "1");
  ASSERT_EQ(info->opset_imports.size(), 1u);
  EXPECT_EQ(info->opset_imports[0].first, "");
  EXPECT_EQ(info->opset_imports[0].second, 8);
  EXPECT_FALSE(info->uses_external_data);
  EXPECT_TRUE(diags.all().empty());
}

TEST(ModelReaderTest, AiOnnxDomainIsTheDefaultDomain) {
  Diagnostics diags;
  auto info = inspect_bytes(read_fixture("ai_onnx_domain"), 0, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->opset, 13);
  EXPECT_EQ(info->opset_imports[0].first, "ai.onnx");
}

TEST(ModelReaderTest, ExternalDataIsFlagged) {
  Diagnostics diags;
  auto info = inspect_bytes(read_fixture("external_data"), 0, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_TRUE(info->uses_external_data);
  // A payload dropped by the reader is not external data.
  auto big = inspect_bytes(read_fixture("big_weight"), 0, diags);
  ASSERT_TRUE(big.ok()) << big.error();
  EXPECT_FALSE(big->uses_external_data);
}

void expect_one_warning(const Diagnostics& diags, const std::string& code, const std::string& part) {
  ASSERT_EQ(diags.all().size(), 1u);
  const Diagnostic& d = diags.all()[0];
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.code, code);
  EXPECT_EQ(d.file, "model.onnx");
  EXPECT_NE(d.message.find(part), std::string::npos) << d.message;
}

TEST(ModelReaderTest, UnknownOpWarnsNamingTheNode) {
  Diagnostics diags;
  auto info = inspect_bytes(read_fixture("unknown_op"), 0, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  expect_one_warning(diags, "onnx.inference.unsupported", "Frobnicate");
}

TEST(ModelReaderTest, OpsetNewerThanLibonnxWarns) {
  Diagnostics diags;
  auto info = inspect_bytes(read_fixture("opset18"), 0, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->opset, 18);
  expect_one_warning(diags, "onnx.inference.unsupported", "opset 18");
}

TEST(ModelReaderTest, FeatureTensorShapeIsInferred) {
  Diagnostics diags;
  auto info = inspect_bytes(read_fixture("feature"), 0, diags, {"fc7_1"});
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_TRUE(diags.all().empty());
  ASSERT_EQ(info->feature_shapes.count("fc7_1"), 1u);
  EXPECT_EQ(info->feature_shapes["fc7_1"], (std::vector<std::int64_t>{1, 8}));
}

TEST(ModelReaderTest, UnknownDimsOfAFeatureTensorAreZero) {
  Diagnostics diags;
  auto info = inspect_bytes(read_fixture("big_weight"), 0, diags, {"Y"});
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->feature_shapes["Y"], (std::vector<std::int64_t>{0, 100}));
}

TEST(ModelReaderTest, MissingFeatureTensorWarns) {
  Diagnostics diags;
  auto info = inspect_bytes(read_fixture("feature"), 0, diags, {"pool5_1"});
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_TRUE(info->feature_shapes.empty());
  expect_one_warning(diags, "model.feature-tensor.missing", "pool5_1");
}

TEST(ModelReaderTest, StreamsTheFileThroughTheFsLayer) {
  ModelReader reader;
  auto streamed = fs::stream_regular_file(fixture_path("relu_no_shape"), [&](std::string_view chunk) {
    reader.feed(chunk);
    return true;
  });
  ASSERT_TRUE(streamed.ok()) << streamed.error();
  Diagnostics diags;
  auto info = finish_into(reader, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(ports_json(*info)["outputs"][0]["shape"].dump(), R"(["N",3,224,224])");
}

TEST(ModelReaderTest, ReadingTheStructureAheadPassesOverPayloadsAndWalksAsTheStreamDoes) {
  const std::string path = fixture_path("big_weight");
  ModelReader ahead;
  ahead.record_walk();
  std::uint64_t bytes_read = 0;
  auto read = fs::read_regular_file_at_offsets(path, [&](std::uint64_t size, const fs::ReadAt& read_at) {
    return ahead.read_structure(size, [&](std::uint64_t offset, char* into, std::size_t n) {
      auto got = read_at(offset, into, n);
      if (got) bytes_read += *got;
      return got;
    });
  });
  ASSERT_TRUE(read.ok()) << read.error();
  EXPECT_LT(bytes_read, *read / 10);  // one 100 KB payload, passed over
  ModelReader streamed;
  streamed.record_walk();
  ASSERT_TRUE(fs::stream_regular_file(path, [&](std::string_view chunk) {
                streamed.feed(chunk);
                return true;
              }).ok());
  EXPECT_FALSE(streamed.end_walk().empty());
  EXPECT_EQ(ahead.end_walk(), streamed.end_walk());
  Diagnostics diags;
  auto from_ahead = finish_into(ahead, diags);
  auto from_stream = finish_into(streamed, diags);
  ASSERT_TRUE(from_ahead.ok() && from_stream.ok());
  EXPECT_EQ(ports_json(*from_ahead).dump(), ports_json(*from_stream).dump());
  // A reader that walked other bytes (the file changed in between) disagrees.
  std::string changed = read_fixture("big_weight");
  changed[changed.find("ohm-fixtures")] = 'O';
  ModelReader other;
  other.record_walk();
  other.feed(changed);
  EXPECT_NE(other.end_walk(), streamed.end_walk());
}

TEST(ModelReaderTest, EmptyFileHasNoGraph) {
  Diagnostics diags;
  auto info = inspect_bytes("", 0, diags);
  ASSERT_FALSE(info.ok());
  EXPECT_NE(info.error().find("no graph"), std::string::npos) << info.error();
}

TEST(ModelReaderTest, MissingDefaultOpsetIsAnError) {
  // ir_version 8 and a graph with one Relu node, but no opset_import.
  const std::string node = test::len_field(1, "X") + test::len_field(2, "Y") + test::len_field(4, "Relu");
  const std::string bytes = test::varint_field(1, 8) + test::len_field(7, test::len_field(1, node));
  Diagnostics diags;
  auto info = inspect_bytes(bytes, 0, diags);
  ASSERT_FALSE(info.ok());
  EXPECT_NE(info.error().find("no opset for the default domain"), std::string::npos) << info.error();
}

}  // namespace
}  // namespace ohm::onnx
