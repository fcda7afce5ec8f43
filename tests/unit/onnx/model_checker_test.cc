// The ONNX checker on streamed models: what the walker records about the
// payloads it drops, the checker's view rebuilt from those records, and the
// verdicts (the conformance test compares them with python3-onnx at large).
#include "onnx/internal/model_checker.h"

#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include <string>

#include "model_builder.h"
#include "onnx/internal/wire_walker.h"
#include "onnx/model_reader.h"
#include "test_util.h"

namespace ohm::onnx {
namespace {

namespace op = ::onnx;
using detail::Dropped;
using test::add_model;
using test::float_tensor;

constexpr std::int64_t kBig = 4096;  // floats: 16 KiB, past the 4 KiB per-tensor cap

CheckerVerdict check(const op::ModelProto& m, bool full = false, std::size_t chunk = 1000) {
  const std::string bytes = m.SerializeAsString();
  ModelReader reader;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) reader.feed(std::string_view(bytes).substr(at, chunk));
  FinishOptions options;
  options.run_checker = true;
  options.full_check = full;
  auto info = reader.finish({}, options);
  EXPECT_TRUE(reader.checker_verdict().has_value());
  if (info) {
    EXPECT_TRUE(info->checker.has_value());
  }
  return reader.checker_verdict().value_or(CheckerVerdict{});
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST(ModelCheckerTest, CleanModelsPassInBothModes) {
  for (std::int64_t n : {std::int64_t{4}, kBig}) {
    const op::ModelProto m = add_model(float_tensor("W", n), n);
    for (bool full : {false, true}) {
      const CheckerVerdict v = check(m, full);
      EXPECT_TRUE(v.passed) << n << " " << full << ": " << v.message;
      EXPECT_EQ(v.message, "");
      EXPECT_EQ(v.undecided, "");
    }
  }
}

TEST(ModelCheckerTest, NoVerdictUnlessAsked) {
  Diagnostics diags;
  auto info = test::inspect_bytes(add_model(float_tensor("W", 4), 4).SerializeAsString(), 0, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_FALSE(info->checker.has_value());
}

TEST(ModelCheckerTest, StrippedTensorWithTwoValueFieldsIsSeenAsTheFileHasIt) {
  op::TensorProto w = float_tensor("W", kBig);
  w.add_float_data(1.0f);
  const CheckerVerdict v = check(add_model(w, kBig));
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(first_line(v.message), "TensorProto (tensor name: W) should contain one and only one value field.");
}

TEST(ModelCheckerTest, StrippedTensorKeepsItsOwnDataLocation) {
  // The walker marks a dropped payload EXTERNAL; the checker must not see that.
  const CheckerVerdict clean = check(add_model(float_tensor("W", kBig), kBig));
  EXPECT_TRUE(clean.passed) << clean.message;
  op::TensorProto w = float_tensor("W", kBig);
  w.set_data_location(op::TensorProto::EXTERNAL);
  auto* e = w.add_external_data();
  e->set_key("location");
  e->set_value("w.bin");
  const CheckerVerdict v = check(add_model(w, kBig));
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(first_line(v.message),
            "Data of TensorProto ( tensor name: W) is stored externally and should not have data field.raw_data");
}

// A model with external data read from a git revision: its side files are
// not on disk, so the checker does not look for them (the zoo does); on disk
// a missing one is the checker's error, as with onnx.checker.check_model(path).
TEST(ModelCheckerTest, SideFilesNotOnDiskAreNotLookedFor) {
  op::TensorProto w = float_tensor("W", 4);
  w.clear_raw_data();
  w.set_data_location(op::TensorProto::EXTERNAL);
  auto* e = w.add_external_data();
  e->set_key("location");
  e->set_value("no-such-side-file.bin");
  op::ModelProto m = add_model(w, 4);
  *m.mutable_graph()->add_node() = m.graph().node(0);  // a Constant attribute holds one too
  auto* c = m.mutable_graph()->mutable_node(1);
  c->set_op_type("Constant");
  c->set_name("const");
  c->clear_input();
  c->set_output(0, "C");
  auto* attr = c->add_attribute();
  attr->set_name("value");
  attr->set_type(op::AttributeProto::TENSOR);
  *attr->mutable_t() = w;
  const std::string bytes = m.SerializeAsString();
  for (bool on_disk : {true, false}) {
    ModelReader reader;
    reader.feed(bytes);
    FinishOptions options;
    options.run_checker = true;
    options.model_dir = on_disk ? "/nonexistent-ohm-dir/" : "";
    options.side_files_on_disk = on_disk;
    (void)reader.finish({}, options);
    ASSERT_TRUE(reader.checker_verdict().has_value());
    const CheckerVerdict& v = *reader.checker_verdict();
    EXPECT_EQ(v.passed, !on_disk) << v.message;
    if (on_disk) {
      EXPECT_EQ(first_line(v.message),
                "Data of TensorProto ( tensor name: W) should be stored in "
                "/nonexistent-ohm-dir/no-such-side-file.bin, but it doesn't exist or is not "
                "accessible.");
    }
  }
}

TEST(ModelCheckerTest, LongStringAttributeIsStillThere) {
  op::ModelProto m = add_model(float_tensor("W", 4), 4);
  auto* attr = m.mutable_graph()->mutable_node(0)->add_attribute();
  attr->set_name("note");
  attr->set_type(op::AttributeProto::INT);
  attr->set_s(std::string(100 << 10, 'x'));  // past the 64 KiB string cap
  const CheckerVerdict v = check(m);
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(first_line(v.message), "type field and data field mismatch in attribute note.");
}

TEST(ModelCheckerTest, DuplicateMetadataKeysAreSeen) {
  op::ModelProto m = add_model(float_tensor("W", 4), 4);
  for (const char* v : {"1", "2"}) {
    auto* e = m.add_metadata_props();
    e->set_key("k");
    e->set_value(v);
  }
  EXPECT_EQ(first_line(check(m).message), "Your model has duplicate keys in metadata_props.");
}

TEST(ModelCheckerTest, RulesOfTheGraphAreReported) {
  op::ModelProto twice = add_model(float_tensor("W", 4), 4);
  *twice.mutable_graph()->add_node() = test::node("Relu", {"X"}, {"Y"});
  EXPECT_EQ(first_line(check(twice).message),
            "Graph must be in single static assignment (SSA) form, however 'Y' has been used as output names "
            "multiple times.");
  op::ModelProto no_ir = add_model(float_tensor("W", 4), 4, 0);
  EXPECT_EQ(first_line(check(no_ir).message), "The model does not have an ir_version set properly.");
}

TEST(ModelCheckerTest, FullCheckRunsStrictShapeInference) {
  op::ModelProto m = add_model(float_tensor("W", 4), 4);
  *m.mutable_graph()->mutable_output(0) = test::value_info("Y", op::TensorProto::FLOAT, {5});
  EXPECT_TRUE(check(m, false).passed);
  const CheckerVerdict v = check(m, true);
  EXPECT_FALSE(v.passed);
  EXPECT_NE(v.message.find("Inferred shape and existing shape differ"), std::string::npos) << v.message;
}

TEST(ModelCheckerTest, FullCheckInfersOnTheModelItsBytesGiveNotOnTheCheckersView) {
  // run_checker builds the checker's view in `model` itself, so strict
  // inference must run on the model read again from its bytes: bytes of a
  // model strict inference refuses, beside a `model` it accepts, show which ran.
  const op::ModelProto clean = add_model(float_tensor("W", 4), 4);
  op::ModelProto refused = clean;
  *refused.mutable_graph()->mutable_output(0) = test::value_info("Y", op::TensorProto::FLOAT, {5});
  FinishOptions options;
  options.full_check = true;
  op::ModelProto m = clean;
  const CheckerVerdict v = detail::run_checker(m, refused.SerializeAsString(), {}, options);
  EXPECT_FALSE(v.passed);
  EXPECT_NE(v.message.find("Inferred shape and existing shape differ"), std::string::npos) << v.message;
  op::ModelProto again = clean;
  const CheckerVerdict unparsed = detail::run_checker(again, "not a model", {}, options);
  EXPECT_FALSE(unparsed.passed);
  EXPECT_NE(unparsed.undecided.find("did not parse again"), std::string::npos) << unparsed.undecided;
}

// Reshape whose shape initializer is past the cap: strict inference must see
// an unknown shape (as for a graph input), not fail to read an "external" tensor.
op::ModelProto reshape_model(int ir_version) {
  op::ModelProto m;
  m.set_ir_version(ir_version);
  auto* imp = m.add_opset_import();
  imp->set_version(13);
  auto* g = m.mutable_graph();
  g->set_name("g");
  *g->add_node() = test::node("Reshape", {"X", "shape"}, {"Y"});
  *g->add_input() = test::value_info("X", op::TensorProto::FLOAT, {6});
  op::ValueInfoProto y;
  y.set_name("Y");
  y.mutable_type()->mutable_tensor_type()->set_elem_type(op::TensorProto::FLOAT);
  auto* shape = y.mutable_type()->mutable_tensor_type()->mutable_shape();
  op::TensorProto s;
  s.set_name("shape");
  s.set_data_type(op::TensorProto::INT64);
  s.add_dims(601);  // 4808 bytes of raw_data
  for (int i = 0; i < 601; ++i) {
    const std::int64_t d = i == 600 ? 6 : 1;
    s.mutable_raw_data()->append(reinterpret_cast<const char*>(&d), sizeof d);  // little-endian host
    shape->add_dim()->set_dim_value(d);
  }
  *g->add_output() = y;
  *g->add_initializer() = s;
  if (ir_version < 4) *g->add_input() = test::value_info("shape", op::TensorProto::INT64, {601});
  return m;
}

TEST(ModelCheckerTest, FullCheckSeesDroppedInitializersAsUnknownValues) {
  const CheckerVerdict v = check(reshape_model(8), true);
  EXPECT_TRUE(v.passed) << v.message;
  EXPECT_EQ(v.undecided, "");
}

TEST(ModelCheckerTest, FullCheckIsUndecidedWhenItNeedsADroppedValue) {
  // IR 3: the initializer is a graph input too, and stays an initializer.
  const CheckerVerdict v = check(reshape_model(3), true);
  EXPECT_FALSE(v.passed);
  EXPECT_NE(v.undecided.find("tensor \"shape\""), std::string::npos) << v.undecided << v.message;
}

TEST(ModelCheckerTest, ExperimentalOpWarningIsCapturedNotPrinted) {
  op::ModelProto m;
  m.set_ir_version(3);
  m.add_opset_import()->set_version(1);
  auto* g = m.mutable_graph();
  g->set_name("g");
  op::NodeProto scale = test::node("Scale", {"X"}, {"Y"});
  auto* a = scale.add_attribute();
  a->set_name("scale");
  a->set_type(op::AttributeProto::FLOAT);
  a->set_f(2.0f);
  *g->add_node() = scale;
  *g->add_input() = test::value_info("X", op::TensorProto::FLOAT, {2});
  *g->add_output() = test::value_info("Y", op::TensorProto::FLOAT, {2});
  testing::internal::CaptureStderr();
  const CheckerVerdict v = check(m);
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_TRUE(v.passed) << v.message;
  EXPECT_NE(v.log.find("experimental ops: Scale"), std::string::npos) << v.log;
  EXPECT_EQ(printed, "");
}

TEST(ModelCheckerTest, ModelsInspectionRefusesAreStillChecked) {
  op::ModelProto m = add_model(float_tensor("W", 4), 4);
  m.mutable_opset_import(0)->set_domain("ai.onnx.ml");  // no default-domain opset: SPEC 5 has no opset
  m.mutable_opset_import(0)->set_version(2);
  const CheckerVerdict v = check(m);
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(first_line(v.message), "No opset import for domain ''");
}

op::ModelProto sparse_model(int count) {
  op::ModelProto m = add_model(float_tensor("W", 4), 4);
  auto* sp = m.mutable_graph()->add_sparse_initializer();
  sp->add_dims(2 * count);
  *sp->mutable_values() = float_tensor("S", count);
  auto* idx = sp->mutable_indices();
  idx->set_name("S_idx");
  idx->set_data_type(op::TensorProto::INT64);
  idx->add_dims(count);
  for (int i = 0; i < count; ++i) idx->add_int64_data(2 * i);
  return m;
}

TEST(ModelCheckerTest, SparseIndicesPastThePayloadCapAreKeptAndChecked) {
  EXPECT_TRUE(check(sparse_model(5000)).passed);
  op::ModelProto m = sparse_model(5000);
  m.mutable_graph()->mutable_sparse_initializer(0)->mutable_indices()->set_int64_data(4000, 1);
  EXPECT_EQ(first_line(check(m).message), "Sparse tensor (S_idx) index value at position [4000] not in sorted order.");
}

TEST(ModelCheckerTest, ShortSparseIndicesNeverReachLibonnx) {
  // libonnx trusts the indices' dims and would read past the index data.
  op::ModelProto m = sparse_model(10);
  m.mutable_graph()->mutable_sparse_initializer(0)->mutable_indices()->mutable_int64_data()->RemoveLast();
  const CheckerVerdict v = check(m);
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(v.message,
            "Sparse tensor indices (S_idx) hold 9 index values, fewer than its dims need (libonnx would "
            "read past them)");
}

TEST(ModelCheckerTest, SparseIndicesPastTheirBudgetLeaveTheVerdictUndecided) {
  detail::WalkerLimits limits;
  limits.max_sparse_indices_payload = 1000;
  detail::WireWalker walker(limits);
  walker.feed(sparse_model(1000).SerializeAsString());
  auto small = walker.finish();
  ASSERT_TRUE(small.ok()) << small.error();
  op::ModelProto m;
  ASSERT_TRUE(m.ParseFromString(*small));
  const CheckerVerdict v = detail::run_checker(m, *small, walker.dropped(), FinishOptions{});
  EXPECT_NE(v.undecided.find("sparse"), std::string::npos);
}

TEST(ModelCheckerTest, WalkerRecordsWhatItDrops) {
  op::ModelProto m = add_model(float_tensor("W", kBig), kBig);
  op::TensorProto e = float_tensor("E", kBig);
  e.add_int32_data(3);
  e.set_data_location(op::TensorProto::DEFAULT);
  *m.mutable_graph()->add_initializer() = e;
  detail::WireWalker walker;
  walker.feed(m.SerializeAsString());
  ASSERT_TRUE(walker.finish().ok());
  ASSERT_EQ(walker.dropped().size(), 2u);
  const Dropped& w = walker.dropped()[0];
  EXPECT_EQ(w.what, Dropped::What::kTensorPayload);
  ASSERT_EQ(w.path.size(), 2u);
  EXPECT_EQ(w.path[0].field, 7u);  // ModelProto.graph
  EXPECT_EQ(w.path[1].field, 5u);  // GraphProto.initializer
  EXPECT_EQ(w.path[1].index, 0u);
  EXPECT_FALSE(w.data_location.has_value());
  EXPECT_EQ(w.nonempty_fields, 1u << (detail::kRawData - detail::kFloatData));
  const Dropped& d = walker.dropped()[1];
  EXPECT_EQ(d.path[1].index, 1u);
  EXPECT_EQ(d.data_location, std::optional<std::uint64_t>(0));
  EXPECT_EQ(d.nonempty_fields,
            (1u << (detail::kRawData - detail::kFloatData)) | (1u << (detail::kInt32Data - detail::kFloatData)));
}

TEST(ModelCheckerTest, CheckerViewRestoresThePresenceOfValueFields) {
  op::ModelProto m = add_model(float_tensor("W", kBig), kBig);
  m.mutable_graph()->mutable_initializer(0)->add_float_data(1.0f);
  detail::WireWalker walker;
  walker.feed(m.SerializeAsString());
  auto small = walker.finish();
  ASSERT_TRUE(small.ok());
  op::ModelProto view;
  ASSERT_TRUE(view.ParseFromString(*small));
  EXPECT_EQ(view.graph().initializer(0).data_location(), op::TensorProto::EXTERNAL);  // the inference view
  ASSERT_TRUE(detail::restore_checker_view(view, walker.dropped()));
  const op::TensorProto& w = view.graph().initializer(0);
  EXPECT_FALSE(w.has_data_location());
  EXPECT_EQ(w.raw_data().size(), 1u);
  EXPECT_EQ(w.float_data_size(), 1);
  EXPECT_EQ(w.dims(0), kBig);
}

}  // namespace
}  // namespace ohm::onnx
