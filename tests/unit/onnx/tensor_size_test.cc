// model.tensor-size through ModelReader: every tensor of a streamed model
// (initializers, Constant and other attribute tensors, sparse values and
// indices, in subgraphs too), large ones included, is checked against its
// dims and type while its payload streams past.
#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include <string>

#include "model_builder.h"
#include "onnx/model_reader.h"
#include "onnx/tensor_size.h"
#include "test_util.h"

namespace ohm::onnx {
namespace {

namespace op = ::onnx;
using test::add_model;
using test::float_tensor;

ModelInfo read(const op::ModelProto& m, std::size_t chunk = 4096) {
  Diagnostics diags;
  auto info = test::inspect_bytes(m.SerializeAsString(), chunk, diags);
  EXPECT_TRUE(info.ok()) << info.error();
  return info.ok() ? *info : ModelInfo{};
}

TEST(TensorSizeTest, RightSizesGiveNoFault) {
  EXPECT_TRUE(read(add_model(float_tensor("W", 8), 8)).tensor_size_faults.empty());
  // 1 MiB of weights, past the reader's per-tensor cap: counted, not kept.
  EXPECT_TRUE(read(add_model(float_tensor("W", 1 << 18), 1 << 18)).tensor_size_faults.empty());
}

TEST(TensorSizeTest, ShortAndLongRawDataOfLargeTensorsAreFaults) {
  for (std::int64_t delta : {-4, 4}) {
    op::TensorProto w = float_tensor("W", 1 << 18);
    w.mutable_raw_data()->resize(w.raw_data().size() + delta);
    ModelInfo info = read(add_model(w, 1 << 18), 1000);
    ASSERT_EQ(info.tensor_size_faults.size(), 1u) << delta;
    const TensorSizeFault& f = info.tensor_size_faults[0];
    EXPECT_EQ(f.tensor, "W");
    EXPECT_EQ(f.location, "initializer");
    EXPECT_EQ(f.field, "raw_data");
    EXPECT_EQ(f.expected, 1u << 20);
    EXPECT_EQ(f.found, (1u << 20) + delta);
    EXPECT_EQ(info.tensor_size_fault_count, 1u);
  }
}

TEST(TensorSizeTest, TypedFieldCountIsChecked) {
  op::TensorProto w;
  w.set_name("W");
  w.set_data_type(op::TensorProto::FLOAT);
  w.add_dims(3000);
  for (int i = 0; i < 2999; ++i) w.add_float_data(1.0f);
  ModelInfo info = read(add_model(w, 3000), 7);
  ASSERT_EQ(info.tensor_size_faults.size(), 1u);
  EXPECT_EQ(info.tensor_size_faults[0].field, "float_data");
  EXPECT_EQ(info.tensor_size_faults[0].expected, 3000u);
  EXPECT_EQ(info.tensor_size_faults[0].found, 2999u);
  EXPECT_EQ(describe(info.tensor_size_faults[0]),
            "tensor \"W\" (initializer): float_data holds 2999 elements, but dims [3000] of float need 3000");
}

TEST(TensorSizeTest, ExternalDataTensorsAreSkipped) {
  op::TensorProto w;
  w.set_name("W");
  w.set_data_type(op::TensorProto::FLOAT);
  w.add_dims(1000);
  w.set_data_location(op::TensorProto::EXTERNAL);
  auto* e = w.add_external_data();
  e->set_key("location");
  e->set_value("w.bin");
  ModelInfo info = read(add_model(w, 1000));
  EXPECT_TRUE(info.tensor_size_faults.empty());
  EXPECT_TRUE(info.uses_external_data);
}

TEST(TensorSizeTest, ConstantAndSubgraphTensorsNameTheirPlace) {
  op::ModelProto m = add_model(float_tensor("W", 4), 4);
  auto* g = m.mutable_graph();
  op::NodeProto c = test::node("Constant", {}, {"K"}, "const");
  auto* value = c.add_attribute();
  value->set_name("value");
  value->set_type(op::AttributeProto::TENSOR);
  *value->mutable_t() = float_tensor("", 5000);
  value->mutable_t()->mutable_raw_data()->resize(100);
  g->clear_node();
  *g->add_node() = c;
  // An If whose then-branch holds a short initializer.
  op::NodeProto if_node = test::node("If", {"C"}, {"Y"}, "if");
  auto* then_attr = if_node.add_attribute();
  then_attr->set_name("then_branch");
  then_attr->set_type(op::AttributeProto::GRAPH);
  auto* then_g = then_attr->mutable_g();
  then_g->set_name("then");
  op::TensorProto short_w = float_tensor("T", 10);
  short_w.mutable_raw_data()->resize(39);
  *then_g->add_initializer() = short_w;
  *g->add_node() = if_node;
  ModelInfo info = read(m, 1);
  ASSERT_EQ(info.tensor_size_faults.size(), 2u);
  EXPECT_EQ(info.tensor_size_faults[0].location, "node \"const\" (Constant), attribute \"value\"");
  EXPECT_EQ(info.tensor_size_faults[0].tensor, "");
  EXPECT_EQ(info.tensor_size_faults[0].found, 100u);
  EXPECT_EQ(info.tensor_size_faults[1].location, "node \"if\" (If), attribute \"then_branch\", initializer");
  EXPECT_EQ(info.tensor_size_faults[1].tensor, "T");
  EXPECT_EQ(describe(info.tensor_size_faults[0]),
            "unnamed tensor (node \"const\" (Constant), attribute \"value\"): raw_data holds 100 bytes, but dims "
            "[5000] of float need 20000");
}

TEST(TensorSizeTest, SparseValuesAndIndicesAreEachChecked) {
  op::ModelProto m = add_model(float_tensor("W", 4), 4);
  auto* sp = m.mutable_graph()->add_sparse_initializer();
  sp->add_dims(10);
  *sp->mutable_values() = float_tensor("S", 3);
  sp->mutable_values()->mutable_raw_data()->resize(8);
  auto* idx = sp->mutable_indices();
  idx->set_name("S_idx");
  idx->set_data_type(op::TensorProto::INT64);
  idx->add_dims(3);
  idx->add_int64_data(1);
  idx->add_int64_data(2);
  ModelInfo info = read(m, 3);
  ASSERT_EQ(info.tensor_size_faults.size(), 2u);
  EXPECT_EQ(info.tensor_size_faults[0].location, "sparse initializer, values");
  EXPECT_EQ(info.tensor_size_faults[0].found, 8u);
  EXPECT_EQ(info.tensor_size_faults[1].location, "sparse initializer, indices");
  EXPECT_EQ(info.tensor_size_faults[1].field, "int64_data");
  EXPECT_EQ(info.tensor_size_faults[1].found, 2u);
}

TEST(TensorSizeTest, FaultsAreCappedButCounted) {
  op::ModelProto m = add_model(float_tensor("W", 4), 4);
  for (int i = 0; i < 1200; ++i) {
    op::TensorProto t = float_tensor("t" + std::to_string(i), 2);
    t.mutable_raw_data()->resize(1);
    *m.mutable_graph()->add_initializer() = t;
  }
  ModelInfo info = read(m);
  EXPECT_EQ(info.tensor_size_faults.size(), 1000u);
  EXPECT_EQ(info.tensor_size_fault_count, 1200u);
}

TEST(TensorSizeTest, DescribeNamesDimProblems) {
  TensorSizeFault f;
  f.tensor = "W";
  f.location = "initializer";
  f.data_type = 1;
  f.dims = {2, -1};
  f.problem = "dim 1 is negative (-1)";
  EXPECT_EQ(describe(f), "tensor \"W\" (initializer): dims [2, -1] of float: dim 1 is negative (-1)");
}

}  // namespace
}  // namespace ohm::onnx
