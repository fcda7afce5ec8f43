#include "validate/document_checks.h"

#include <gtest/gtest.h>

#include "core/checks.h"

namespace ohm::validate {
namespace {

std::string entry(const std::string& model, const std::string& path, int opset, const std::string& extra = "") {
  return "    {\n        \"model\": \"" + model + "\",\n        \"model_path\": \"" + path +
         "\",\n        \"onnx_version\": \"1.9\",\n        \"opset_version\": " + std::to_string(opset) + "," + extra +
         "\n        \"metadata\": {\n            \"model_sha\": "
         "\"0000000000000000000000000000000000000000000000000000000000000000\",\n"
         "            \"model_bytes\": 1,\n            \"tags\": []\n        }\n    }";
}

struct Checked {
  Diagnostics findings;
  std::vector<Diagnostic> of(const char* code) const {
    std::vector<Diagnostic> out;
    for (const Diagnostic& d : findings.all()) {
      if (d.code == code) out.push_back(d);
    }
    return out;
  }
};

Checked check(const std::string& text) {
  Checked c;
  auto schema = SchemaChecker::compile(builtin_manifest_schema(), "built-in");
  EXPECT_TRUE(schema.ok());
  auto doc = read_manifest_doc(text, "M.json", c.findings, &*schema);
  if (doc) check_document(*doc, c.findings);
  return c;
}

TEST(DocumentChecks, CleanManifest) {
  Checked c = check("[\n" + entry("A", "a/a.onnx", 7) + ",\n" + entry("B", "b/b.onnx", 7) + "\n]");
  for (const Diagnostic& d : c.findings.all()) ADD_FAILURE() << format_text(d);
}

TEST(DocumentChecks, OrderAndDuplicates) {
  Checked c = check("[\n" + entry("Net", "b/b.onnx", 7) + ",\n" + entry("NET", "a/a.onnx", 7) + ",\n" +
                    entry("net", "c/c.onnx", 8) + "\n]");
  auto order = c.of(check::kOrder);
  ASSERT_EQ(order.size(), 1u);
  EXPECT_EQ(order[0].severity, Severity::kWarning);
  EXPECT_EQ(order[0].line, 15);
  EXPECT_EQ(order[0].json_pointer, "/1/model_path");
  auto dup = c.of(check::kDuplicate);
  ASSERT_EQ(dup.size(), 1u);
  EXPECT_EQ(dup[0].severity, Severity::kError);
  EXPECT_EQ(dup[0].line, 14);
  EXPECT_NE(dup[0].message.find("line 2"), std::string::npos) << dup[0].message;
}

TEST(DocumentChecks, UnsafePathReplacesSchemaFinding) {
  Checked c = check("[\n" + entry("A", "a/../../etc/a.onnx", 7) + "\n]");
  auto unsafe = c.of(check::kUnsafePath);
  ASSERT_EQ(unsafe.size(), 1u);
  EXPECT_EQ(unsafe[0].line, 4);
  EXPECT_EQ(unsafe[0].json_pointer, "/0/model_path");
  EXPECT_TRUE(c.of(check::kSchema).empty());
}

TEST(DocumentChecks, UnknownKeyIsAWarning) {
  Checked c = check("[\n" + entry("A", "a/a.onnx", 7, "\n        \"homepage\": \"x\",") + "\n]");
  auto unknown = c.of(check::kUnknownKey);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].severity, Severity::kWarning);
  EXPECT_EQ(unknown[0].line, 7);
  EXPECT_EQ(c.findings.all().size(), 1u);
}

TEST(DocumentChecks, SchemaViolationHasLine) {
  std::string e = entry("A", "a/a.onnx", 7);
  e.replace(e.find("\"model_bytes\": 1"), 16, "\"model_bytes\": -1");
  Checked c = check("[\n" + e + "\n]");
  auto schema = c.of(check::kSchema);
  ASSERT_EQ(schema.size(), 1u);
  EXPECT_EQ(schema[0].line, 9);
  EXPECT_EQ(schema[0].json_pointer, "/0/metadata/model_bytes");
  // lib/manifest rejected the entry too; the schema finding stands for both.
  EXPECT_TRUE(c.of("manifest.entry.invalid").empty());
}

TEST(DocumentChecks, BadJson) {
  Checked c = check("[\n" + entry("A", "a/a.onnx", 7) + ",\n]");
  auto json = c.of(check::kManifestJson);
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0].line, 13);
  EXPECT_EQ(c.findings.all().size(), 1u);
}

}  // namespace
}  // namespace ohm::validate
