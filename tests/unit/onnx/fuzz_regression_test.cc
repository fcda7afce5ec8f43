// Inputs found by fuzzing (tests/fuzz/fuzz_model.cc): each once crashed the reader.
#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include <string>

#include "test_util.h"

namespace ohm::onnx {
namespace {

using test::finish_into;
using test::inspect_bytes;
using test::ports_json;

::onnx::ValueInfoProto float_value(const std::string& name, std::initializer_list<std::int64_t> dims) {
  ::onnx::ValueInfoProto vi;
  vi.set_name(name);
  auto* tensor = vi.mutable_type()->mutable_tensor_type();
  tensor->set_elem_type(::onnx::TensorProto::FLOAT);
  for (std::int64_t d : dims) tensor->mutable_shape()->add_dim()->set_dim_value(d);
  return vi;
}

// A Scan-9 model (libonnx-testdata's test_scan9_sum); `keep_num_scan_inputs`
// false drops its required attribute, on which libonnx's Scan inference
// function dereferences a null pointer.
std::string scan_model(bool keep_num_scan_inputs, int inputs = 2) {
  ::onnx::ModelProto model;
  model.set_ir_version(4);
  auto* imp = model.add_opset_import();
  imp->set_domain("");
  imp->set_version(9);
  auto* g = model.mutable_graph();
  g->set_name("scan");
  *g->add_input() = float_value("initial", {2});
  *g->add_input() = float_value("x", {3, 2});
  *g->add_output() = float_value("y", {2});
  *g->add_output() = float_value("z", {3, 2});
  auto* node = g->add_node();
  node->set_op_type("Scan");
  if (inputs >= 1) node->add_input("initial");
  if (inputs >= 2) node->add_input("x");
  node->add_output("y");
  node->add_output("z");
  auto* body_attr = node->add_attribute();
  body_attr->set_name("body");
  body_attr->set_type(::onnx::AttributeProto::GRAPH);
  auto* body = body_attr->mutable_g();
  body->set_name("body");
  *body->add_input() = float_value("sum_in", {2});
  *body->add_input() = float_value("next", {2});
  *body->add_output() = float_value("sum_out", {2});
  *body->add_output() = float_value("scan_out", {2});
  auto* add = body->add_node();
  add->set_op_type("Add");
  add->add_input("sum_in");
  add->add_input("next");
  add->add_output("sum_out");
  auto* id = body->add_node();
  id->set_op_type("Identity");
  id->add_input("sum_out");
  id->add_output("scan_out");
  if (keep_num_scan_inputs) {
    auto* n = node->add_attribute();
    n->set_name("num_scan_inputs");
    n->set_type(::onnx::AttributeProto::INT);
    n->set_i(1);
  }
  return model.SerializeAsString();
}

TEST(FuzzRegressionTest, ScanWithItsRequiredAttributeIsInferred) {
  Diagnostics diags;
  auto info = inspect_bytes(scan_model(true), 0, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_TRUE(diags.all().empty()) << diags.all()[0].message;
}

TEST(FuzzRegressionTest, MissingRequiredAttributeSkipsInferenceInsteadOfCrashing) {
  Diagnostics diags;
  auto info = inspect_bytes(scan_model(false), 0, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].code, "onnx.inference.unsupported");
  EXPECT_NE(diags.all()[0].message.find("num_scan_inputs"), std::string::npos) << diags.all()[0].message;
  EXPECT_EQ(ports_json(*info)["outputs"].dump(),
            R"j([{"name":"y","shape":[2],"type":"tensor(float)"},{"name":"z","shape":[3,2],"type":"tensor(float)"}])j");
}

TEST(FuzzRegressionTest, TooFewInputsSkipsInference) {
  Diagnostics diags;
  auto info = inspect_bytes(scan_model(true, 0), 0, diags);
  ASSERT_TRUE(info.ok()) << info.error();
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_NE(diags.all()[0].message.find("0 inputs"), std::string::npos) << diags.all()[0].message;
}

}  // namespace
}  // namespace ohm::onnx
