#include "validate/zoo_checks.h"

#include <gtest/gtest.h>

#include "core/checks.h"
#include "entries.h"
#include "manifest/json_io.h"
#include "zoo/memory_source.h"

namespace ohm::validate {
namespace {

using manifest::Entry;
using manifest::Json;

using testkit::entry;

zoo::BuiltEntry built(Entry e, int line) {
  zoo::BuiltEntry b{std::move(e), {}, {}};
  b.origin.readme = "m/README.md";
  b.origin.line = line;
  return b;
}

struct Compared {
  std::string text;  // kept alive: the document's positions point into it
  Diagnostics findings;
  CompareStats stats;

  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : findings.all()) out.push_back(d.code + "@" + d.file + ":" + std::to_string(d.line));
    return out;
  }
};

void compare(Compared& run, const std::vector<Entry>& manifest, const std::vector<zoo::BuiltEntry>& regenerated,
             const BaseManifest& base = {}) {
  run.text = manifest::write_manifest(manifest);
  Diagnostics read;
  auto doc = read_manifest_doc(run.text, "M.json", read);
  ASSERT_TRUE(doc != nullptr);
  zoo::GenerateResult result;
  result.entries = regenerated;
  zoo::MemorySource files;
  run.stats = compare_with_zoo(files, *doc, result, base, run.findings);
}

TEST(ZooChecks, SameEntriesAreClean) {
  Compared run;
  compare(run, {entry("A", "a/a.onnx", 'a')}, {built(entry("A", "a/a.onnx", 'a'), 5)});
  EXPECT_TRUE(run.findings.all().empty());
}

TEST(ZooChecks, MissingExtraAndStale) {
  Entry stale = entry("B", "b/b.onnx", 'b');
  stale.tags = {"old"};
  stale.model_bytes = 11;
  Entry fresh = entry("B", "b/b.onnx", 'c');
  Compared run;
  compare(run, {entry("A", "a/a.onnx", 'a'), stale}, {built(fresh, 7), built(entry("C", "c/c.onnx", 'd'), 8)});
  EXPECT_EQ(run.codes(), (std::vector<std::string>{
                             "entry.stale@M.json:23",  // tags of b/b.onnx
                             "artifact.sha-mismatch@M.json:21",
                             "artifact.size-mismatch@M.json:22",
                             "entry.missing@m/README.md:8",
                             "entry.extra@M.json:2",
                         }));
  EXPECT_EQ(run.findings.all()[0].json_pointer, "/1/metadata/tags");
}

TEST(ZooChecks, KeptEntriesAreMatchedButNotCompared) {
  zoo::BuiltEntry kept{entry("A", "a/a.onnx", 'f'), {}, {}};  // --changed-since kept it
  zoo::BuiltEntry row_error = built(entry("B", "b/b.onnx", 'f'), 3);
  row_error.origin.kept_previous = true;
  Compared run;
  compare(run, {entry("A", "a/a.onnx", 'a'), entry("B", "b/b.onnx", 'b')}, {kept, row_error});
  EXPECT_TRUE(run.findings.all().empty());
}

TEST(ZooChecks, OpsetFromTheModel) {
  zoo::BuiltEntry b = built(entry("A", "a/a.onnx", 'a'), 4);
  b.origin.model_opset = 12;
  b.origin.uses_external_data = true;  // no finding of its own: the side files are compared
  Compared run;
  compare(run, {entry("A", "a/a.onnx", 'a')}, {b});
  EXPECT_EQ(run.codes(), (std::vector<std::string>{"model.opset-mismatch@m/README.md:4"}));
}

TEST(ZooChecks, SideFilesAreComparedFileByFile) {
  auto file = [](const char* path, char sha, int bytes) {
    return manifest::Json{{"path", path}, {"sha", std::string(64, sha)}, {"bytes", bytes}};
  };
  manifest::Entry ours = entry("A", "a/a.onnx", 'a');
  ours.external_data = manifest::Json::array({file("a/w.bin", '1', 4), file("a/x.bin", '2', 4)});
  zoo::BuiltEntry b = built(entry("A", "a/a.onnx", 'a'), 4);
  b.origin.external_data_known = true;
  b.entry.external_data = manifest::Json::array({file("a/w.bin", '3', 5), file("a/y.bin", '2', 4)});
  Compared run;
  compare(run, {ours}, {b});
  std::vector<std::string> got;
  for (const Diagnostic& d : run.findings.all()) got.push_back(d.code + "@" + d.file);
  EXPECT_EQ(got, (std::vector<std::string>{"artifact.sha-mismatch@M.json", "artifact.size-mismatch@M.json",
                                           "external-data.unlisted@M.json", "external-data.unlisted@M.json"}));
  EXPECT_NE(run.findings.all()[2].message.find("lists a/x.bin, which a/a.onnx does not read"), std::string::npos);
  EXPECT_NE(run.findings.all()[3].message.find("reads tensors from a/y.bin, which external_data does not list"),
            std::string::npos);
  // Not derived in this run (content absent, nothing to reuse): not compared.
  b.origin.external_data_known = false;
  Compared quiet;
  compare(quiet, {ours}, {b});
  EXPECT_TRUE(quiet.findings.all().empty());
}

TEST(ZooChecks, PortsOfAbsentContentAgainstTheBase) {
  Json ports = Json::parse(R"({"inputs": [], "outputs": []})");
  Entry with_ports = entry("A", "a/a.onnx", 'a');
  with_ports.io_ports = ports;
  Entry unknown = entry("B", "b/b.onnx", 'b');
  unknown.io_ports = ports;
  BaseManifest base;
  base.name = "HEAD";
  const Entry at_head = entry("A", "a/a.onnx", 'a');  // no io_ports at HEAD
  base.by_sha.emplace(std::string(64, 'a'), &at_head);
  Compared run;
  compare(run, {with_ports, unknown}, {built(entry("A", "a/a.onnx", 'a'), 4), built(entry("B", "b/b.onnx", 'b'), 5)},
          base);
  ASSERT_EQ(run.findings.all().size(), 2u);
  EXPECT_EQ(run.findings.all()[0].code, check::kPortsMismatch);
  EXPECT_EQ(run.findings.all()[0].json_pointer, "/0/metadata/io_ports");
  EXPECT_EQ(run.findings.all()[1].code, check::kPortsUnverified);
  EXPECT_EQ(run.findings.all()[1].severity, Severity::kWarning);
  EXPECT_EQ(run.stats.ports_unchecked, 1u);
}

TEST(ZooChecks, PortsReadFromTheModelAreCompared) {
  zoo::BuiltEntry b = built(entry("A", "a/a.onnx", 'a'), 4);
  b.origin.ports_from_content = true;
  b.entry.io_ports =
      Json::parse(R"json({"inputs": [{"name": "x", "shape": [1], "type": "tensor(float)"}], "outputs": []})json");
  Compared run;
  compare(run, {entry("A", "a/a.onnx", 'a')}, {b});
  // The manifest has no io_ports: the finding sits at its metadata (line 7).
  EXPECT_EQ(run.codes(), (std::vector<std::string>{"entry.stale@M.json:7"}));
  EXPECT_EQ(run.findings.all()[0].json_pointer, "/0/metadata/io_ports");
}

TEST(ZooChecks, UnsafeButEquivalentPathIsMatched) {
  Compared run;
  compare(run, {entry("A", "a/./x/../a.onnx", 'a')}, {built(entry("A", "a/a.onnx", 'a'), 4)});
  EXPECT_TRUE(run.findings.all().empty()) << run.codes().size();
}

}  // namespace
}  // namespace ohm::validate
