// Every prefix of a model, and random garbage: the reader gives one clean
// Error or exactly what a protobuf parse of those bytes holds (SPEC 8), never
// a crash or a hang.
#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include <random>
#include <string>

#include "onnx/internal/model_inspect.h"
#include "test_util.h"

namespace ohm::onnx {
namespace {

// What inspecting `bytes` must give: inspect_model on protobuf's own parse.
Result<ModelInfo> reference(const std::string& bytes) {
  ::onnx::ModelProto m;
  if (!m.ParseFromString(bytes)) return Error{"does not parse"};
  return detail::inspect_model(m, bytes, {});
}

void check_every_prefix(const std::string& name) {
  const std::string bytes = test::read_fixture(name);
  ASSERT_FALSE(bytes.empty()) << name;
  int parsed = 0;
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    const std::string prefix = bytes.substr(0, n);
    Result<ModelInfo> want = reference(prefix);
    for (std::size_t chunk : {std::size_t{0}, std::size_t{3}}) {
      Diagnostics diags;
      Result<ModelInfo> got = test::inspect_bytes(prefix, chunk, diags);
      ASSERT_EQ(got.ok(), want.ok()) << name << " cut at " << n << ": " << (got.ok() ? want.error() : got.error());
      if (got.ok()) {
        EXPECT_EQ(test::ports_json(*got).dump(), test::ports_json(*want).dump()) << name << " cut at " << n;
        EXPECT_EQ(got->opset, want->opset);
        ++parsed;
      } else {
        EXPECT_FALSE(got.error().empty());
      }
    }
  }
  EXPECT_GT(parsed, 0) << name << ": the whole model must parse";
}

TEST(TruncationTest, EveryPrefixOfReshapeConstant) { check_every_prefix("reshape_constant"); }
TEST(TruncationTest, EveryPrefixOfIfSubgraph) { check_every_prefix("if_subgraph"); }
TEST(TruncationTest, EveryPrefixOfIr3Weights) { check_every_prefix("ir3_weights_as_inputs"); }
TEST(TruncationTest, EveryPrefixOfSequence) { check_every_prefix("sequence_identity"); }

TEST(TruncationTest, PrefixErrorsNameTheByte) {
  const std::string bytes = test::read_fixture("reshape_constant");
  Diagnostics diags;
  auto got = test::inspect_bytes(bytes.substr(0, 40), 0, diags);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().find("truncated: the file ends at byte 40"), std::string::npos) << got.error();
}

TEST(GarbageTest, RandomBytesNeverCrash) {
  std::mt19937 rng(20240611);
  int errors = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes(rng() % 400, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng());
    Diagnostics diags;
    auto got = test::inspect_bytes(bytes, 1 + rng() % 64, diags);
    if (!got.ok()) ++errors;
  }
  EXPECT_GT(errors, 2900);
}

TEST(GarbageTest, FlippedBytesOfARealModelNeverCrash) {
  const std::string bytes = test::read_fixture("if_subgraph");
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string mutated = bytes;
    for (int k = 0; k < 3; ++k) mutated[rng() % mutated.size()] = static_cast<char>(rng());
    Diagnostics diags;
    auto got = test::inspect_bytes(mutated, 1 + rng() % 16, diags);
    Result<ModelInfo> want = reference(mutated);
    if (got.ok() && want.ok()) {
      EXPECT_EQ(test::ports_json(*got).dump(), test::ports_json(*want).dump());
    }
  }
}

TEST(GarbageTest, DeeplyNestedTypesAreAnError) {
  // An input whose type is seq(seq(seq(...))) 500 levels deep: protobuf's
  // recursion limit refuses it.
  std::string type = test::len_field(1, test::varint_field(1, 1));  // tensor_type { elem_type: FLOAT }
  for (int i = 0; i < 500; ++i) type = test::len_field(4, test::len_field(1, type));
  const std::string input = test::len_field(1, "X") + test::len_field(2, type);
  const std::string bytes = test::len_field(7, test::len_field(11, input)) +
                            test::len_field(8, test::len_field(1, "") + test::varint_field(2, 13));
  Diagnostics diags;
  auto got = test::inspect_bytes(bytes, 0, diags);
  ASSERT_FALSE(got.ok());
}

}  // namespace
}  // namespace ohm::onnx
