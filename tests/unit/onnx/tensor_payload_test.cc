// PayloadTally counts a tensor's payload as protobuf would parse it, and
// size_fault applies onnxruntime's rule: raw_data bytes, else the typed
// field's element count, against dims and element type.
#include "onnx/internal/tensor_payload.h"

#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include <string>

#include "onnx/internal/wire_cursor.h"

namespace ohm::onnx::detail {
namespace {

namespace op = ::onnx;

// Feeds every field of a serialized TensorProto to a tally (bodies in
// `chunk`-byte pieces) and decodes its head, as the streaming readers do.
struct Counted {
  TensorHead head;
  PayloadTally tally;
  std::string error;
};

Counted count(const op::TensorProto& t, std::size_t chunk = 1) {
  Counted c;
  const std::string bytes = t.SerializeAsString();
  WireCursor cur(bytes);
  while (cur.next()) {
    if (!is_payload_field(cur.field())) continue;
    if (cur.wire_type() != 2) {
      c.tally.scalar(cur.field(), cur.wire_type());
      continue;
    }
    c.error += c.tally.length(cur.field(), cur.body().size());
    if (c.tally.scanning()) {
      for (std::size_t at = 0; at < cur.body().size(); at += chunk) c.tally.body(cur.body().substr(at, chunk));
      c.error += c.tally.end_body();
    }
  }
  c.error += cur.error();
  c.error += decode_tensor_head(bytes, c.head);
  return c;
}

op::TensorProto tensor(int data_type, std::initializer_list<std::int64_t> dims) {
  op::TensorProto t;
  t.set_name("t");
  t.set_data_type(data_type);
  for (auto d : dims) t.add_dims(d);
  return t;
}

std::optional<TensorSizeFault> fault_of(const op::TensorProto& t) {
  Counted c = count(t);
  EXPECT_EQ(c.error, "");
  return size_fault(c.head, c.tally);
}

TEST(TensorPayloadTest, RawDataOfTheRightLengthFits) {
  auto t = tensor(op::TensorProto::FLOAT, {2, 3});
  t.set_raw_data(std::string(24, '\1'));
  EXPECT_FALSE(fault_of(t));
  auto h = tensor(op::TensorProto::FLOAT16, {5});
  h.set_raw_data(std::string(10, '\1'));
  EXPECT_FALSE(fault_of(h));
}

TEST(TensorPayloadTest, ShortAndLongRawDataAreFaults) {
  auto t = tensor(op::TensorProto::FLOAT, {2, 3});
  t.set_raw_data(std::string(20, '\1'));
  auto f = fault_of(t);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->field, "raw_data");
  EXPECT_TRUE(f->bytes);
  EXPECT_EQ(f->expected, 24u);
  EXPECT_EQ(f->found, 20u);
  EXPECT_EQ(f->tensor, "t");
  t.set_raw_data(std::string(28, '\1'));
  f = fault_of(t);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->found, 28u);
}

TEST(TensorPayloadTest, TypedFieldCountsElementsPackedOrNot) {
  auto t = tensor(op::TensorProto::INT64, {4});
  for (std::int64_t v : {std::int64_t{1}, std::int64_t{-1}, std::int64_t{300}, std::int64_t{1} << 40})
    t.add_int64_data(v);  // packed varints of 1..10 bytes
  EXPECT_FALSE(fault_of(t));
  t.add_int64_data(5);
  auto f = fault_of(t);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->field, "int64_data");
  EXPECT_FALSE(f->bytes);
  EXPECT_EQ(f->expected, 4u);
  EXPECT_EQ(f->found, 5u);
  // Unpacked elements, as some writers emit them, count the same.
  PayloadTally tally;
  for (int i = 0; i < 3; ++i) tally.scalar(kInt64Data, 0);
  tally.scalar(kInt64Data, 2);  // a wrong wire type is an unknown field
  EXPECT_EQ(tally.count(kInt64Data), 3u);
}

TEST(TensorPayloadTest, PackedVarintsAreCountedAcrossChunks) {
  auto t = tensor(op::TensorProto::INT32, {3});
  for (int v : {-5, 70000, 1}) t.add_int32_data(v);
  for (std::size_t chunk : {1, 2, 3, 7}) {
    Counted c = count(t, chunk);
    EXPECT_EQ(c.error, "");
    EXPECT_EQ(c.tally.count(kInt32Data), 3u) << chunk;
  }
}

TEST(TensorPayloadTest, EachTypeUsesItsField) {
  auto b = tensor(op::TensorProto::BOOL, {3});
  for (int i = 0; i < 2; ++i) b.add_int32_data(1);
  auto f = fault_of(b);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->field, "int32_data");
  auto u = tensor(op::TensorProto::UINT32, {2});
  u.add_uint64_data(1);
  u.add_uint64_data(2);
  EXPECT_FALSE(fault_of(u));
  auto d = tensor(op::TensorProto::DOUBLE, {2});
  d.add_double_data(1);
  d.add_double_data(2);
  EXPECT_FALSE(fault_of(d));
  // Values in the wrong field: the field of the type holds none.
  auto w = tensor(op::TensorProto::FLOAT, {2});
  w.add_double_data(1);
  w.add_double_data(2);
  f = fault_of(w);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->field, "float_data");
  EXPECT_EQ(f->found, 0u);
}

TEST(TensorPayloadTest, ComplexTakesTwoValuesPerElement) {
  auto c = tensor(op::TensorProto::COMPLEX64, {2});
  for (int i = 0; i < 4; ++i) c.add_float_data(1);
  EXPECT_FALSE(fault_of(c));
  c.set_raw_data(std::string(16, '\0'));
  c.clear_float_data();
  EXPECT_FALSE(fault_of(c));
}

TEST(TensorPayloadTest, StringsCountStringDataElements) {
  auto s = tensor(op::TensorProto::STRING, {3});
  s.add_string_data("a");
  s.add_string_data("");
  auto f = fault_of(s);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->field, "string_data");
  EXPECT_EQ(f->expected, 3u);
  EXPECT_EQ(f->found, 2u);
  s.add_string_data("ccc");
  EXPECT_FALSE(fault_of(s));
  s.set_raw_data("abc");
  f = fault_of(s);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->problem, "string tensors cannot hold raw_data");
}

TEST(TensorPayloadTest, NoDataForElementsIsAFault) {
  auto t = tensor(op::TensorProto::FLOAT, {2});
  auto f = fault_of(t);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->expected, 2u);
  EXPECT_EQ(f->found, 0u);
  EXPECT_FALSE(fault_of(tensor(op::TensorProto::FLOAT, {0, 5})));  // no elements, no data
  auto scalar = tensor(op::TensorProto::INT64, {});
  scalar.add_int64_data(7);
  EXPECT_FALSE(fault_of(scalar));  // rank 0 holds one element
}

TEST(TensorPayloadTest, ExternalSegmentedAndUnknownTypesAreNotChecked) {
  auto e = tensor(op::TensorProto::FLOAT, {1000});
  e.set_data_location(op::TensorProto::EXTERNAL);
  auto* loc = e.add_external_data();
  loc->set_key("location");
  loc->set_value("w.bin");
  EXPECT_FALSE(fault_of(e));
  auto s = tensor(op::TensorProto::FLOAT, {1000});
  s.mutable_segment()->set_begin(0);
  s.mutable_segment()->set_end(10);
  EXPECT_FALSE(fault_of(s));
  EXPECT_FALSE(fault_of(tensor(op::TensorProto::UNDEFINED, {3})));
  EXPECT_FALSE(fault_of(tensor(99, {3})));
}

TEST(TensorPayloadTest, BadDimsAreReportedAsProblems) {
  auto n = tensor(op::TensorProto::FLOAT, {2, -3});
  auto f = fault_of(n);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->problem, "dim 1 is negative (-3)");
  auto big = tensor(op::TensorProto::FLOAT, {std::int64_t{1} << 40, std::int64_t{1} << 40});
  f = fault_of(big);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->problem, "the element count overflows 64 bits");
}

TEST(TensorPayloadTest, FourBitTypesPackTwoPerByte) {
  auto t = tensor(22, {5});  // INT4
  t.set_raw_data(std::string(3, '\0'));
  EXPECT_FALSE(fault_of(t));
  t.set_raw_data(std::string(5, '\0'));
  EXPECT_TRUE(fault_of(t));
}

TEST(TensorPayloadTest, RawDataIsTheLastOccurrence) {
  PayloadTally tally;
  EXPECT_EQ(tally.length(kRawData, 100), "");
  EXPECT_EQ(tally.length(kRawData, 0), "");
  EXPECT_TRUE(tally.raw_present());
  EXPECT_EQ(tally.count(kRawData), 0u);
  EXPECT_FALSE(tally.nonempty(kRawData));  // what the checker sees: raw_data().size() == 0
}

TEST(TensorPayloadTest, MalformedPackedFieldsAreErrors) {
  PayloadTally tally;
  EXPECT_NE(tally.length(kFloatData, 7), "");
  EXPECT_EQ(tally.length(kInt64Data, 2), "");
  ASSERT_TRUE(tally.scanning());
  tally.body("\x01\x80");
  EXPECT_EQ(tally.end_body(), "packed varints end inside a varint");
}

TEST(TensorPayloadTest, NonemptyMaskHasOneBitPerField) {
  PayloadTally tally;
  tally.scalar(kFloatData, 5);
  EXPECT_EQ(tally.length(kRawData, 3), "");
  EXPECT_EQ(tally.nonempty_mask(), (1u << (kFloatData - kFloatData)) | (1u << (kRawData - kFloatData)));
}

TEST(TensorPayloadTest, StrictHeadDecodingRefusesWrongWireTypes) {
  TensorHead head;
  const std::string name_as_varint = std::string("\x40\x05", 2);  // field 8 (name), wire type 0
  EXPECT_EQ(decode_tensor_head(name_as_varint, head), "");
  EXPECT_NE(decode_tensor_head(name_as_varint, head, /*strict=*/true), "");
}

}  // namespace
}  // namespace ohm::onnx::detail
