// validate() end to end on in-memory zoos: the sample zoo is clean, each
// archive is read once, and findings about absent content name the path to pull.
#include "validate/validate.h"

#include <gtest/gtest.h>

#include "core/checks.h"
#include "onnx/feature_table.h"
#include "temp_dir.h"
#include "zoo/counting_source.h"
#include "zoo/memory_source.h"
#include "zoo_fixture.h"

namespace ohm::validate {
namespace {

std::vector<std::string> codes(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) out.push_back(x.code + "@" + x.file + ":" + std::to_string(x.line));
  return out;
}

ValidateOptions samples_options(const std::string& manifest) {
  ValidateOptions o;
  o.manifest_text = manifest;
  o.base_name = "HEAD";
  o.base_manifest_text = manifest;
  auto table = onnx::parse_feature_table(testkit::source_file("samples/.onnx-hub-manifest/feature_tensors.json"));
  if (table) o.feature_tensors = *table;
  return o;
}

const std::string kManifest = testkit::source_file("samples/ONNX_HUB_MANIFEST.json");

TEST(Validate, SampleZooIsCleanAndEachFileIsReadOnce) {
  zoo::MemorySource zoo = testkit::source_tree("samples");
  zoo::CountingSource counted(zoo);
  auto report = validate(counted, samples_options(kManifest));
  ASSERT_TRUE(report) << report.error();
  EXPECT_TRUE(report->findings.all().empty()) << format_text(report->findings.all().at(0));
  EXPECT_EQ(report->summary.entries, 10u);
  EXPECT_EQ(report->summary.readmes, 5u);
  EXPECT_EQ(report->summary.archives_read, 5u);
  EXPECT_EQ(report->summary.archives_absent, 1u);
  EXPECT_EQ(report->summary.ports_unchecked, 0u);
  // Every file at most once: models, archives, READMEs (the manifest is text).
  std::uint64_t all_files = 0;
  const auto files = zoo.list_files();
  for (const std::string& rel : *files) {
    if (rel != "ONNX_HUB_MANIFEST.json") all_files += zoo.stat(rel).size;
  }
  EXPECT_LE(counted.bytes_read(), all_files);
}

TEST(Validate, StaleFieldNamesItsLineAndTheReadmeRow) {
  zoo::MemorySource zoo = testkit::source_tree("samples");
  std::string edited = kManifest;
  const std::string from = "\"model\": \"TinyNet-7\"";
  edited.replace(edited.find(from), from.size(), "\"model\": \"TinyNet-Seven\"");
  auto report = validate(zoo, samples_options(edited));
  ASSERT_TRUE(report);
  ASSERT_EQ(report->findings.all().size(), 1u);
  const Diagnostic& d = report->findings.all()[0];
  EXPECT_EQ(d.code, check::kEntryStale);
  EXPECT_EQ(d.file, "ONNX_HUB_MANIFEST.json");
  EXPECT_NE(d.message.find("vision/classification/tinynet/README.md:9"), std::string::npos) << d.message;
}

TEST(Validate, TheDocumentsFindingsComeBeforeTheZoosAtTheSameLine) {
  // The schema checks the document on a thread of its own while the zoo is
  // compared; a value both reject is reported by the schema first, as it was
  // when one ran after the other.
  zoo::MemorySource zoo = testkit::source_tree("samples");
  std::string edited = kManifest;
  const std::size_t at = edited.find("\"model_sha\": \"") + 14;
  edited.replace(at, 64, std::string(64, 'A'));
  auto report = validate(zoo, samples_options(edited));
  ASSERT_TRUE(report);
  const std::vector<std::string> found = codes(report->findings);
  ASSERT_EQ(found.size(), 2u) << testing::PrintToString(found);
  EXPECT_EQ(found[0].substr(0, found[0].find('@')), check::kSchema);
  EXPECT_EQ(found[1].substr(0, found[1].find('@')), check::kShaMismatch);
  EXPECT_EQ(found[0].substr(found[0].find('@')), found[1].substr(found[1].find('@')));
}

TEST(Validate, UnverifiedPortsNameThePullForTheRepositoryPath) {
  // A clone without LFS content: the MLP is a pointer, and the base manifest
  // knows no sha, so nothing vouches for its ports.
  const std::string mlp = "other/tabular/tiny_mlp/model/tiny-mlp-9.onnx";
  zoo::MemorySource zoo = testkit::source_tree("samples");
  zoo.prefix("samples").file(mlp, testkit::pointer_for(testkit::source_file("samples/" + mlp)));
  ValidateOptions options = samples_options(kManifest);
  options.base_manifest_text = "[]";
  auto report = validate(zoo, options);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->summary.ports_unchecked, 1u);
  ASSERT_EQ(report->findings.all().size(), 1u);
  const Diagnostic& d = report->findings.all()[0];
  EXPECT_EQ(d.code, check::kPortsUnverified);
  EXPECT_NE(d.message.find("git lfs pull --include=\"samples/" + mlp + "\""), std::string::npos) << d.message;
}

TEST(Validate, NoManifestAndBadSchema) {
  zoo::MemorySource zoo = testkit::source_tree("samples");
  ValidateOptions options;
  auto report = validate(zoo, options);
  ASSERT_TRUE(report);
  EXPECT_EQ(codes(report->findings), (std::vector<std::string>{"manifest.missing@ONNX_HUB_MANIFEST.json:0"}));
  options.schema_text = "{\"type\": 7}";
  EXPECT_FALSE(validate(zoo, options));
}

}  // namespace
}  // namespace ohm::validate
