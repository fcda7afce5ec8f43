#include "validate/document_checks.h"

#include <cstdio>

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

// The findings of the first `n` entries that are not all clean: entry 1 has
// the wrong type of opset_version and an unknown key.
std::vector<std::string> findings_of_manifest(std::size_t n, std::size_t* bytes) {
  std::string text = "[\n";
  for (std::size_t i = 0; i < n; ++i) {
    char name[24];  // any size_t: no truncation for -Wformat-truncation to warn of
    std::snprintf(name, sizeof name, "%07zu", i);
    std::string one = entry(std::string("M") + name, std::string("m/") + name + ".onnx", 7,
                            i == 1 ? "\n        \"homepage\": \"x\"," : "");
    if (i == 1) one.replace(one.find("\"opset_version\": 7"), 18, "\"opset_version\": \"7\"");
    text += one + (i + 1 < n ? ",\n" : "\n]");
  }
  *bytes = text.size();
  std::vector<std::string> out;
  const Checked c = check(text);
  for (const Diagnostic& d : c.findings.all()) out.push_back(format_text(d));
  return out;
}

TEST(DocumentChecks, AManifestOver16MiBGetsTheFindingsOfASmallOne) {
  // Up to 16 MiB the schema checks the document while the entries are read;
  // above, one after the other (the document dropped first).
  std::size_t small_bytes = 0, large_bytes = 0;
  const std::vector<std::string> small = findings_of_manifest(3, &small_bytes);
  const std::vector<std::string> large = findings_of_manifest(60000, &large_bytes);
  ASSERT_GT(large_bytes, 16u << 20);
  ASSERT_EQ(small.size(), 2u);
  EXPECT_EQ(large, small);
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
