// The test data of one archive against a model's ports, fed as the archive
// streams (each file whole before the next is asked for).
#include "zoo/test_data.h"

#include <gtest/gtest.h>
#include <onnx/onnx_pb.h>

#include "core/checks.h"

namespace ohm::zoo {
namespace {

std::string tensor(int data_type, std::vector<std::int64_t> dims, std::size_t floats) {
  ::onnx::TensorProto t;
  t.set_data_type(data_type);
  for (auto d : dims) t.add_dims(d);
  t.set_raw_data(std::string(floats * 4, '\0'));
  return t.SerializeAsString();
}

// x: float [N, 4]; y: float [N, 2].
onnx::IoPorts ports() {
  onnx::IoPorts p;
  p.inputs.push_back({"x", {onnx::Dim::named("N"), onnx::Dim::of(4)}, "tensor(float)"});
  p.outputs.push_back({"y", {onnx::Dim::named("N"), onnx::Dim::of(2)}, "tensor(float)"});
  return p;
}

std::vector<std::string> run(const std::vector<std::pair<std::string, std::string>>& files,
                             const std::vector<std::string>& sets, bool with_ports = true) {
  onnx::IoPorts p = ports();
  TestDataChecker checker([&]() { return with_ports ? &p : nullptr; });
  for (const auto& [path, bytes] : files) {
    fs::ChunkSink sink = checker.sink_for(path);
    if (!sink) continue;
    for (std::size_t at = 0; at < bytes.size(); at += 3) sink(std::string_view(bytes).substr(at, 3));
  }
  std::vector<std::string> out;
  for (const TestDataFinding& f : checker.finish(sets)) out.push_back(f.code + "@" + f.entry);
  return out;
}

const std::string kX1 = tensor(1, {1, 4}, 4), kY1 = tensor(1, {1, 2}, 2);

TEST(TestData, CleanSetsGiveNothing) {
  EXPECT_TRUE(run({{"m/test_data_set_0/input_0.pb", kX1},
                   {"m/test_data_set_0/output_0.pb", kY1},
                   {"m/test_data_set_1/input_0.pb", tensor(1, {3, 4}, 12)},
                   {"m/test_data_set_1/output_0.pb", tensor(1, {3, 2}, 6)}},
                  {"m/test_data_set_0", "m/test_data_set_1"})
                  .empty());
}

TEST(TestData, EachFaultHasItsId) {
  using V = std::vector<std::string>;
  // A file below a set's own folder is not a port's file.
  EXPECT_EQ(run({{"t/test_data_set_0/input_0.pb", kX1},
                 {"t/test_data_set_0/output_0.pb", kY1},
                 {"t/test_data_set_0/old/input_0.pb", "junk"}},
                {"t/test_data_set_0"}),
            V{});
  EXPECT_EQ(run({{"t/test_data_set_0/output_0.pb", kY1}}, {"t/test_data_set_0"}),
            (V{"testdata.missing@t/test_data_set_0"}));
  EXPECT_EQ(run({{"t/test_data_set_0/input_0.pb", kX1},
                 {"t/test_data_set_0/output_0.pb", kY1},
                 {"t/test_data_set_0/input_1.pb", kX1}},
                {"t/test_data_set_0"}),
            (V{"testdata.extra@t/test_data_set_0/input_1.pb"}));
  EXPECT_EQ(run({{"t/test_data_set_0/input_0.pb", tensor(7, {1, 4}, 8)}, {"t/test_data_set_0/output_0.pb", kY1}},
                {"t/test_data_set_0"}),
            (V{"testdata.type@t/test_data_set_0/input_0.pb"}));
  EXPECT_EQ(run({{"t/test_data_set_0/input_0.pb", tensor(1, {1, 5}, 5)}, {"t/test_data_set_0/output_0.pb", kY1}},
                {"t/test_data_set_0"}),
            (V{"testdata.shape@t/test_data_set_0/input_0.pb"}));
  EXPECT_EQ(run({{"t/test_data_set_0/input_0.pb", kX1}, {"t/test_data_set_0/output_0.pb", tensor(1, {2, 2}, 4)}},
                {"t/test_data_set_0"}),
            (V{"testdata.shape@t/test_data_set_0/output_0.pb"}));  // N is 1 in the input
  EXPECT_EQ(run({{"t/test_data_set_0/input_0.pb", "not a tensor"}, {"t/test_data_set_0/output_0.pb", kY1}},
                {"t/test_data_set_0"}),
            (V{"testdata.unreadable@t/test_data_set_0/input_0.pb"}));
  EXPECT_EQ(run({{"t/test_data_set_0/input_0.pb", tensor(1, {1, 4}, 3)}, {"t/test_data_set_0/output_0.pb", kY1}},
                {"t/test_data_set_0"}),
            (V{"testdata.tensor-size@t/test_data_set_0/input_0.pb"}));
}

TEST(TestData, WithoutPortsNothingIsChecked) {
  TestDataChecker checker([]() -> const onnx::IoPorts* { return nullptr; });
  EXPECT_FALSE(checker.sink_for("t/test_data_set_0/input_0.pb"));
  EXPECT_TRUE(checker.finish({"t/test_data_set_0"}).empty());
  EXPECT_FALSE(checker.checked());
}

}  // namespace
}  // namespace ohm::zoo
