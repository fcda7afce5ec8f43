// TestValueReader on test-data bytes built here with onnx's own messages
// (TensorProto, SequenceProto, MapProto, OptionalProto), fed in chunks of
// several sizes, and on bytes that are cut short or are not such a message.
#include "onnx/tensor_reader.h"

#include <gtest/gtest.h>

#include <onnx/onnx-data_pb.h>
#include <onnx/onnx_pb.h>

#include <string>

namespace ohm::onnx {
namespace {

namespace op = ::onnx;

Result<TestValue> read(const std::string& bytes, ValueKind kind, std::size_t chunk = 0) {
  TestValueReader reader(kind);
  if (chunk == 0) chunk = bytes.size() + 1;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) reader.feed(std::string_view(bytes).substr(at, chunk));
  return reader.finish();
}

op::TensorProto floats(const std::string& name, std::vector<std::int64_t> dims, std::size_t values) {
  op::TensorProto t;
  t.set_name(name);
  t.set_data_type(op::TensorProto::FLOAT);
  for (auto d : dims) t.add_dims(d);
  t.set_raw_data(std::string(values * 4, '\x3f'));
  return t;
}

op::TensorProto int64s(std::vector<std::int64_t> values) {
  op::TensorProto t;
  t.set_data_type(op::TensorProto::INT64);
  t.add_dims(static_cast<std::int64_t>(values.size()));
  for (auto v : values) t.add_int64_data(v);
  return t;
}

TEST(TensorReaderTest, ReadsATensorInAnyChunking) {
  const std::string bytes = floats("x", {1, 3, 2}, 6).SerializeAsString();
  for (std::size_t chunk : {0, 1, 2, 5, 13}) {
    auto v = read(bytes, ValueKind::kTensor, chunk);
    ASSERT_TRUE(v.ok()) << v.error();
    EXPECT_EQ(v->type, "tensor(float)");
    EXPECT_EQ(v->name, "x");
    EXPECT_EQ(v->data_type, op::TensorProto::FLOAT);
    EXPECT_EQ(v->dims, (std::vector<std::int64_t>{1, 3, 2}));
    EXPECT_TRUE(v->size_faults.empty());
  }
}

TEST(TensorReaderTest, PayloadThatDoesNotFitIsAFault) {
  auto v = read(floats("x", {2, 3}, 5).SerializeAsString(), ValueKind::kTensor, 3);
  ASSERT_TRUE(v.ok()) << v.error();
  ASSERT_EQ(v->size_faults.size(), 1u);
  EXPECT_EQ(v->size_faults[0].expected, 24u);
  EXPECT_EQ(v->size_faults[0].found, 20u);
  EXPECT_EQ(v->size_faults[0].location, "");
  EXPECT_EQ(describe(v->size_faults[0]), "tensor \"x\": raw_data holds 20 bytes, but dims [2, 3] of float need 24");
  auto typed = read(int64s({1, 2, 3}).SerializeAsString(), ValueKind::kTensor, 1);
  ASSERT_TRUE(typed.ok()) << typed.error();
  EXPECT_TRUE(typed->size_faults.empty());
}

TEST(TensorReaderTest, StreamsALargePayloadWithoutHoldingIt) {
  // 64 MiB of raw_data fed in 1 MiB chunks: the reader only counts it.
  const std::uint64_t payload = 64u << 20;
  op::TensorProto head;
  head.set_data_type(op::TensorProto::UINT8);
  head.add_dims(static_cast<std::int64_t>(payload));
  std::string bytes = head.SerializeAsString();
  bytes += '\x4a';  // field 9 (raw_data), wire type 2
  for (std::uint64_t v = payload;; v >>= 7) {
    if (v < 0x80) {
      bytes += static_cast<char>(v);
      break;
    }
    bytes += static_cast<char>((v & 0x7f) | 0x80);
  }
  TestValueReader reader(ValueKind::kTensor);
  reader.feed(bytes);
  const std::string block(1u << 20, '\0');
  for (std::uint64_t sent = 0; sent < payload; sent += block.size()) reader.feed(block);
  auto v = reader.finish();
  ASSERT_TRUE(v.ok()) << v.error();
  EXPECT_EQ(v->type, "tensor(uint8)");
  EXPECT_TRUE(v->size_faults.empty());
}

TEST(TensorReaderTest, TruncatedBytesAreAnError) {
  const std::string bytes = floats("x", {2, 3}, 6).SerializeAsString();
  for (std::size_t cut : {std::size_t{1}, std::size_t{5}, bytes.size() - 1}) {
    auto v = read(bytes.substr(0, cut), ValueKind::kTensor);
    ASSERT_FALSE(v.ok()) << cut;
    EXPECT_NE(v.error().find("truncated"), std::string::npos) << v.error();
  }
}

TEST(TensorReaderTest, BytesThatAreNotATensorAreAnError) {
  auto text = read("this is not a tensor at all\n", ValueKind::kTensor);
  EXPECT_FALSE(text.ok());
  op::ModelProto model;
  model.set_ir_version(8);
  model.set_producer_name("p");
  auto m = read(model.SerializeAsString(), ValueKind::kTensor);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error(), "not a TensorProto: field 2 of its TensorProto has wire type 2");
  auto empty = read("", ValueKind::kTensor);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error(), "not a TensorProto: it has no data_type");
  auto bad_wire = read(std::string("\x0f\x01", 2), ValueKind::kTensor);
  ASSERT_FALSE(bad_wire.ok());
  EXPECT_NE(bad_wire.error().find("corrupt protobuf at byte 1"), std::string::npos) << bad_wire.error();
}

TEST(TensorReaderTest, ATensorIsNotASequence) {
  auto v = read(floats("x", {2}, 2).SerializeAsString(), ValueKind::kSequence);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().find("not a SequenceProto"), std::string::npos) << v.error();
}

TEST(TensorReaderTest, ReadsASequenceOfTensors) {
  op::SequenceProto seq;
  seq.set_name("s");
  seq.set_elem_type(op::SequenceProto::TENSOR);
  *seq.add_tensor_values() = int64s({1, 2});
  *seq.add_tensor_values() = int64s({3});
  op::TensorProto bad = int64s({4, 5});
  bad.add_dims(2);  // [2, 2]: 4 elements, 2 given
  *seq.add_tensor_values() = bad;
  for (std::size_t chunk : {0, 1, 4}) {
    auto v = read(seq.SerializeAsString(), ValueKind::kSequence, chunk);
    ASSERT_TRUE(v.ok()) << v.error();
    EXPECT_EQ(v->type, "seq(tensor(int64))");
    EXPECT_EQ(v->elements, 3u);
    ASSERT_EQ(v->size_faults.size(), 1u);
    EXPECT_EQ(v->size_faults[0].location, "sequence element 2");
  }
}

TEST(TensorReaderTest, AnEmptySequenceHasAnUndefinedElementType) {
  op::SequenceProto seq;
  seq.set_elem_type(op::SequenceProto::TENSOR);
  auto v = read(seq.SerializeAsString(), ValueKind::kSequence);
  ASSERT_TRUE(v.ok()) << v.error();
  EXPECT_EQ(v->type, "seq(tensor(undefined))");
  EXPECT_EQ(v->elements, 0u);
  EXPECT_TRUE(type_fits("seq(tensor(float))", v->type));
  EXPECT_FALSE(type_fits("map(int64,tensor(float))", v->type));
}

TEST(TensorReaderTest, SequenceElementsOfDifferentTypesAreAnError) {
  op::SequenceProto seq;
  seq.set_elem_type(op::SequenceProto::TENSOR);
  *seq.add_tensor_values() = int64s({1});
  *seq.add_tensor_values() = floats("f", {1}, 1);
  auto v = read(seq.SerializeAsString(), ValueKind::kSequence);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error(), "not a SequenceProto: sequence element 1 is tensor(float), an earlier one tensor(int64)");
  op::SequenceProto wrong_kind;
  wrong_kind.set_elem_type(op::SequenceProto::MAP);
  *wrong_kind.add_tensor_values() = int64s({1});
  EXPECT_FALSE(read(wrong_kind.SerializeAsString(), ValueKind::kSequence).ok());
}

TEST(TensorReaderTest, ReadsAMap) {
  op::MapProto map;
  map.set_key_type(op::TensorProto::INT64);
  for (std::int64_t k : {3, 7}) map.add_keys(k);
  auto* values = map.mutable_values();
  values->set_elem_type(op::SequenceProto::TENSOR);
  *values->add_tensor_values() = floats("", {}, 1);
  *values->add_tensor_values() = floats("", {}, 1);
  auto v = read(map.SerializeAsString(), ValueKind::kMap, 2);
  ASSERT_TRUE(v.ok()) << v.error();
  EXPECT_EQ(v->type, "map(int64,tensor(float))");
  EXPECT_EQ(v->elements, 2u);
  map.add_keys(9);
  auto uneven = read(map.SerializeAsString(), ValueKind::kMap);
  ASSERT_FALSE(uneven.ok());
  EXPECT_EQ(uneven.error(), "not a MapProto: a map with 3 keys holds 2 values");
}

TEST(TensorReaderTest, ReadsOptionals) {
  op::OptionalProto opt;
  opt.set_elem_type(op::OptionalProto::TENSOR);
  *opt.mutable_tensor_value() = floats("x", {2}, 2);
  auto v = read(opt.SerializeAsString(), ValueKind::kOptional, 1);
  ASSERT_TRUE(v.ok()) << v.error();
  EXPECT_EQ(v->type, "optional(tensor(float))");
  op::OptionalProto none;
  none.set_elem_type(op::OptionalProto::TENSOR);
  auto n = read(none.SerializeAsString(), ValueKind::kOptional);
  ASSERT_TRUE(n.ok()) << n.error();
  EXPECT_EQ(n->type, "optional(tensor(undefined))");
  EXPECT_TRUE(type_fits("optional(tensor(float))", n->type));
  op::OptionalProto seq_opt;
  seq_opt.set_elem_type(op::OptionalProto::SEQUENCE);
  seq_opt.mutable_sequence_value()->set_elem_type(op::SequenceProto::TENSOR);
  *seq_opt.mutable_sequence_value()->add_tensor_values() = int64s({1});
  auto s = read(seq_opt.SerializeAsString(), ValueKind::kOptional);
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->type, "optional(seq(tensor(int64)))");
}

TEST(TensorReaderTest, SparseTensorsInSequencesAreTyped) {
  op::SequenceProto seq;
  seq.set_elem_type(op::SequenceProto::SPARSE_TENSOR);
  auto* sp = seq.add_sparse_tensor_values();
  sp->add_dims(4);
  *sp->mutable_values() = floats("v", {1}, 1);
  *sp->mutable_indices() = int64s({2});
  auto v = read(seq.SerializeAsString(), ValueKind::kSequence);
  ASSERT_TRUE(v.ok()) << v.error();
  EXPECT_EQ(v->type, "seq(sparse_tensor(float))");
}

TEST(TensorReaderTest, NestingIsBounded) {
  op::SequenceProto inner;
  inner.set_elem_type(op::SequenceProto::TENSOR);
  for (int i = 0; i < 40; ++i) {
    op::SequenceProto outer;
    outer.set_elem_type(op::SequenceProto::SEQUENCE);
    *outer.add_sequence_values() = inner;
    inner = outer;
  }
  auto v = read(inner.SerializeAsString(), ValueKind::kSequence);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error(), "values nested deeper than 16 levels");
}

TEST(TensorReaderTest, PortTypesPickTheMessage) {
  EXPECT_EQ(value_kind_of("tensor(float)"), ValueKind::kTensor);
  EXPECT_EQ(value_kind_of("seq(tensor(uint8))"), ValueKind::kSequence);
  EXPECT_EQ(value_kind_of("map(int64,tensor(float))"), ValueKind::kMap);
  EXPECT_EQ(value_kind_of("optional(tensor(float))"), ValueKind::kOptional);
}

TEST(TensorReaderTest, TypeFitsTreatsUndefinedAsAnyType) {
  EXPECT_TRUE(type_fits("tensor(float)", "tensor(float)"));
  EXPECT_FALSE(type_fits("tensor(float)", "tensor(int64)"));
  EXPECT_TRUE(type_fits("map(int64,tensor(float))", "map(undefined,undefined)"));
  EXPECT_TRUE(type_fits("map(int64,tensor(float))", "map(int64,undefined)"));
  EXPECT_FALSE(type_fits("map(int64,tensor(float))", "map(string,undefined)"));
  EXPECT_FALSE(type_fits("tensor(float)", "tensor(float)x"));
  EXPECT_FALSE(type_fits("seq(tensor(float))", "undefined)"));
}

}  // namespace
}  // namespace ohm::onnx
