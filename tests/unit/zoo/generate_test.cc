// The pipeline from README rows to entries (SPEC 1-6), on in-memory zoos: the
// sample zoo byte for byte, reuse, rows with errors, absent content, archives.
#include "zoo/generate.h"

#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include "core/checks.h"
#include "entries.h"
#include "manifest/json_io.h"
#include "onnx/feature_table.h"
#include "temp_dir.h"
#include "zoo/counting_source.h"
#include "zoo/memory_source.h"
#include "zoo_fixture.h"

namespace ohm::zoo {
namespace {

using testkit::model_readme;
using testkit::pointer_for;

std::vector<manifest::Entry> committed_samples() {
  Diagnostics ignored;
  auto entries = manifest::parse_manifest(testkit::source_file("samples/ONNX_HUB_MANIFEST.json"), "m", ignored);
  return entries ? *entries : std::vector<manifest::Entry>{};
}

// The sample zoo's own feature-tensor table.
GenerateOptions samples_options() {
  GenerateOptions o;
  auto table = onnx::parse_feature_table(testkit::source_file("samples/.onnx-hub-manifest/feature_tensors.json"));
  if (table) o.feature_tensors = *table;
  return o;
}

std::vector<std::string> codes(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) out.push_back(x.code + "@" + x.file + ":" + std::to_string(x.line));
  return out;
}

TEST(Generate, SampleZooGivesItsCommittedManifest) {
  MemorySource zoo = testkit::source_tree("samples");
  GenerateOptions options = samples_options();
  options.previous = committed_samples();  // the pointer-only models keep their ports by sha
  Diagnostics diags;
  GenerateResult result = generate(zoo, options, diags);
  EXPECT_TRUE(diags.all().empty()) << format_text(diags.all().at(0));
  EXPECT_EQ(manifest::write_manifest(entries_of(result)), testkit::source_file("samples/ONNX_HUB_MANIFEST.json"));
  EXPECT_EQ(result.readmes.size(), 5u);
  EXPECT_EQ(result.mode_used, DiscoverMode::kIndex);
}

// --jobs: the same entries and findings, in the same order, for every
// number of threads; --shard: the shards' entries are the full run's.
TEST(Generate, ThreadsAndShardsChangeNothing) {
  MemorySource zoo = testkit::source_tree("samples");
  GenerateOptions options = samples_options();
  options.previous = committed_samples();
  options.recompute_ports = true;
  options.check_models = true;
  options.read_archives = true;
  Diagnostics serial_diags;
  const std::string serial = manifest::write_manifest(entries_of(generate(zoo, options, serial_diags)));
  for (unsigned jobs : {2u, 8u}) {
    options.jobs = jobs;
    Diagnostics diags;
    EXPECT_EQ(manifest::write_manifest(entries_of(generate(zoo, options, diags))), serial) << jobs;
    EXPECT_EQ(codes(diags), codes(serial_diags)) << jobs;
  }
  std::size_t sharded = 0;
  for (std::uint32_t k = 1; k <= 3; ++k) {
    options.shard = Shard{k, 3};
    Diagnostics diags;
    for (const BuiltEntry& b : generate(zoo, options, diags).entries) {
      EXPECT_TRUE(in_shard(*options.shard, b.entry.model_path)) << b.entry.model_path;
      EXPECT_NE(serial.find("\"" + b.entry.model_path + "\""), std::string::npos);
      ++sharded;
    }
  }
  EXPECT_EQ(sharded, committed_samples().size());
}

TEST(Generate, WithoutReuseModelsAtHandAreInspected) {
  MemorySource zoo = testkit::source_tree("samples");
  GenerateOptions options = samples_options();
  options.previous = committed_samples();
  options.recompute_ports = true;
  Diagnostics diags;
  GenerateResult result = generate(zoo, options, diags);
  std::size_t from_content = 0;
  for (const BuiltEntry& b : result.entries) from_content += b.origin.ports_from_content;
  EXPECT_EQ(from_content, 8u);  // every real model; the two keyword-spotting pointers are not here
  // The ports read now are the committed ones (sample models are real).
  EXPECT_EQ(manifest::write_manifest(entries_of(result)), testkit::source_file("samples/ONNX_HUB_MANIFEST.json"));
}

TEST(Generate, ReusedPortsAreNotReadAgain) {
  MemorySource zoo = testkit::source_tree("samples");
  CountingSource counted(zoo);
  GenerateOptions options = samples_options();
  options.previous = committed_samples();
  Diagnostics diags;
  (void)generate(counted, options, diags);
  const std::uint64_t reusing = counted.bytes_read();
  options.recompute_ports = true;
  CountingSource again(zoo);
  (void)generate(again, options, diags);
  EXPECT_EQ(again.bytes_read(), reusing);  // real content is hashed either way; pointers are small
  options.previous.clear();
  MemorySource pointers;
  pointers.file("a/README.md", model_readme({"A|m.onnx|13"})).file("a/m.onnx", pointer_for(std::string(5000, 'x')));
  pointers.lfs_object(std::string(5000, 'x'));
  CountingSource store(pointers);
  GenerateOptions fresh;
  fresh.previous = {};
  (void)generate(store, fresh, diags);
  EXPECT_GE(store.bytes_read(), 5000u);  // no previous ports: the store object is read for inspection
}

// A README whose rows "Model|link|archive link" (opset 12) all have an archive column.
std::string readme_with_data(const std::vector<std::string>& rows) {
  std::string text =
      "# Models\n\n|Model|Download|Download (with sample test data)|ONNX version|Opset version|\n|-|-|-|-|-|\n";
  for (const std::string& r : rows) {
    const std::size_t a = r.find('|'), b = r.find('|', a + 1);
    text +=
        "|" + r.substr(0, a) + "|[model](" + r.substr(a + 1, b - a - 1) + ")|[data](" + r.substr(b + 1) + ")|1.9|12|\n";
  }
  return text;
}

// Issue 14: a model and an archive linked from many rows are read once per
// run, on any number of threads, and every row still gets its own findings.
// READMEs are read, parsed and planned on --jobs threads: findings of
// every kind (a README past a limit, one not UTF-8, one gone, rows with
// errors) come out in the order one thread gives them.
TEST(Generate, ReadmesPlannedOnThreadsGiveTheSerialFindingsInOrder) {
  MemorySource zoo;
  std::vector<std::string> folders;
  for (int i = 0; i < 40; ++i) {
    const std::string f = "f" + std::to_string(i);
    folders.push_back(f);
    std::string readme = model_readme({"A|a.onnx|13", "|b.onnx|13", "C|../x/" + f + ".onnx|13", "D|d.onnx|x"});
    if (i % 7 == 3) readme += "\n| caf\xc3 | bad |\n";
    if (i % 11 == 5) readme = std::string(5u << 20, 'x');
    if (i % 13 != 6) zoo.file(f + "/README.md", readme);
    zoo.file(f + "/a.onnx", pointer_for(f));
  }
  zoo.file("README.md", testkit::index_readme(folders));
  GenerateOptions options;
  Diagnostics serial_diags;
  const std::string serial = manifest::write_manifest(entries_of(generate(zoo, options, serial_diags)));
  ASSERT_GT(serial_diags.all().size(), 80u);
  std::vector<std::string> serial_messages;
  for (const Diagnostic& d : serial_diags.all()) serial_messages.push_back(format_text(d));
  for (const char* code : {check::kReadmeLimit, check::kReadmeEncoding, check::kReadmeRowIncomplete}) {
    EXPECT_NE(std::find_if(serial_diags.all().begin(), serial_diags.all().end(),
                           [code](const Diagnostic& d) { return d.code == code; }),
              serial_diags.all().end())
        << code;
  }
  for (unsigned jobs : {2u, 8u}) {
    options.jobs = jobs;
    Diagnostics diags;
    EXPECT_EQ(manifest::write_manifest(entries_of(generate(zoo, options, diags))), serial) << jobs;
    std::vector<std::string> messages;
    for (const Diagnostic& d : diags.all()) messages.push_back(format_text(d));
    EXPECT_EQ(messages, serial_messages) << jobs;
  }
}

TEST(Generate, EachFileIsReadOnceHoweverManyRowsLinkIt) {
  const MemorySource samples = testkit::source_tree("samples");
  const std::string model = "vision/classification/tinynet/model/tinynet-12.onnx";
  const std::string data = "vision/classification/tinynet/model/tinynet-12.tar.gz";
  MemorySource zoo;
  std::vector<std::string> a_rows, b_rows;
  for (int i = 0; i < 40; ++i) a_rows.push_back("A" + std::to_string(i) + "|../m/net.onnx|../m/net.tar.gz");
  for (int i = 0; i < 3; ++i) b_rows.push_back("B" + std::to_string(i) + "|../m/net.onnx|../m/net.tar.gz");
  zoo.file("a/README.md", readme_with_data(a_rows))
      .file("b/README.md", readme_with_data(b_rows))
      .file("c/README.md", model_readme({"Bad|../m/bad.onnx|12", "Bad again|../m/bad.onnx|12"}))
      .file("m/net.onnx", *samples.read(model, 1 << 20))
      .file("m/net.tar.gz", *samples.read(data, 1 << 20))
      .file("m/bad.onnx", "\x0a\xff\xff not a model");
  GenerateOptions options;  // as validate reads: inspection, checks and archives
  options.check_models = true;
  options.read_archives = true;
  options.check_severity = Severity::kError;
  std::optional<std::string> serial;
  for (unsigned jobs : {1u, 4u}) {
    options.jobs = jobs;
    CountingSource counted(zoo);
    Diagnostics diags;
    GenerateResult result = generate(counted, options, diags);
    EXPECT_EQ(counted.times_read("m/net.onnx"), 1u) << jobs;
    EXPECT_EQ(counted.times_read("m/net.tar.gz"), 1u) << jobs;
    EXPECT_EQ(counted.times_read("m/bad.onnx"), 1u) << jobs;
    ASSERT_EQ(result.entries.size(), 45u);
    for (const BuiltEntry& b : result.entries) {
      if (b.entry.model_path != "m/net.onnx") continue;
      EXPECT_TRUE(b.entry.io_ports);
      EXPECT_TRUE(b.origin.archive) << b.origin.readme << ":" << b.origin.line;
    }
    // The bad model's finding at each of its two rows; the same bytes for every --jobs.
    EXPECT_EQ(codes(diags),
              (std::vector<std::string>{"model.unreadable@c/README.md:5", "model.unreadable@c/README.md:6"}));
    std::string all;
    for (const Diagnostic& d : diags.all()) all += format_text(d) + "\n";
    all += manifest::write_manifest(entries_of(result));
    if (!serial) serial = all;
    EXPECT_EQ(all, *serial) << jobs;
  }
}

TEST(Generate, PointerWithoutContentNamesTheRepositoryPathToPull) {
  MemorySource zoo;
  zoo.prefix("samples")
      .file("a/README.md", model_readme({"A|m.onnx|13"}))
      .file("a/m.onnx", pointer_for("content that is not here"));
  GenerateOptions options;
  options.previous = {testkit::entry("Other", "b/other.onnx")};
  Diagnostics diags;
  GenerateResult result = generate(zoo, options, diags);
  ASSERT_EQ(result.entries.size(), 1u);
  EXPECT_FALSE(result.entries[0].entry.io_ports);
  ASSERT_EQ(codes(diags), (std::vector<std::string>{"model.content.missing@a/README.md:5"}));
  EXPECT_NE(diags.all()[0].message.find("git lfs pull --include=\"samples/a/m.onnx\""), std::string::npos)
      << diags.all()[0].message;
}

// A Relu model importing `opset` of the default domain (18 is newer than libonnx 1.12 knows).
std::string relu_model(int opset) {
  ::onnx::ModelProto m;
  m.set_ir_version(8);
  m.add_opset_import()->set_version(opset);
  auto* g = m.mutable_graph();
  g->set_name("g");
  auto* n = g->add_node();
  n->set_op_type("Relu");
  n->add_input("x");
  n->add_output("y");
  auto* x = g->add_input();
  x->set_name("x");
  x->mutable_type()->mutable_tensor_type()->set_elem_type(1);
  auto* y = g->add_output();
  y->set_name("y");
  y->mutable_type()->mutable_tensor_type()->set_elem_type(1);
  return m.SerializeAsString();
}

TEST(Generate, InspectionFindingsNameTheReadmeRowAndTheModel) {
  MemorySource zoo;
  zoo.file("a/README.md", model_readme({"A|m.onnx|18"})).file("a/m.onnx", relu_model(18));
  Diagnostics diags;
  GenerateResult result = generate(zoo, GenerateOptions{}, diags);
  ASSERT_EQ(codes(diags), (std::vector<std::string>{"onnx.inference.unsupported@a/README.md:5"}));
  EXPECT_EQ(diags.all()[0].message.rfind("a/m.onnx: shape inference skipped", 0), 0u) << diags.all()[0].message;
  ASSERT_EQ(result.entries.size(), 1u);
  EXPECT_TRUE(result.entries[0].entry.io_ports);
  EXPECT_EQ(*result.entries[0].origin.model_opset, 18);
}

TEST(Generate, RowsWithErrorsKeepTheirPreviousEntry) {
  MemorySource zoo;
  zoo.file("a/README.md", model_readme({"A|m.onnx|seven", "B|gone.onnx|7", "C|link.onnx|7", "D|new.onnx|x"}))
      .symlink("a/link.onnx");
  GenerateOptions options;
  options.previous = {testkit::entry("A", "a/m.onnx", 'a'), testkit::entry("B", "a/gone.onnx", 'b'),
                      testkit::entry("C", "a/link.onnx", 'c')};
  Diagnostics diags;
  GenerateResult result = generate(zoo, options, diags);
  EXPECT_EQ(codes(diags),
            (std::vector<std::string>{"readme.row.opset@a/README.md:5", "artifact.missing@a/README.md:6",
                                      "artifact.not-regular@a/README.md:7", "readme.row.opset@a/README.md:8"}));
  EXPECT_NE(diags.all()[0].message.find("kept the previous entry for a/m.onnx"), std::string::npos);
  EXPECT_NE(diags.all()[3].message.find("no entry written for this row"), std::string::npos);
  std::vector<std::string> kept;
  for (const BuiltEntry& b : result.entries) {
    EXPECT_TRUE(b.origin.kept_previous);
    kept.push_back(b.entry.model_path + ":" + b.entry.model_sha.substr(0, 1));
  }
  EXPECT_EQ(kept, (std::vector<std::string>{"a/gone.onnx:b", "a/link.onnx:c", "a/m.onnx:a"}));
}

TEST(Generate, BrokenIndexLinkKeepsEntriesBelowItsFolder) {
  MemorySource zoo;
  zoo.file("README.md", testkit::index_readme({"a", "gone"}))
      .file("a/README.md", model_readme({"A|m.onnx|7"}))
      .file("a/m.onnx", "real but tiny");
  GenerateOptions options;
  options.previous = {testkit::entry("G", "gone/g.onnx", 'g'), testkit::entry("H", "other/h.onnx", 'h')};
  Diagnostics diags;
  GenerateResult result = generate(zoo, options, diags);
  std::vector<std::string> paths;
  for (const BuiltEntry& b : result.entries) paths.push_back(b.entry.model_path);
  EXPECT_EQ(paths, (std::vector<std::string>{"a/m.onnx", "gone/g.onnx"}));
}

TEST(Generate, AReadmePastALimitKeepsItsEntriesInTreeAndIndexMode) {
  const std::string too_many_cells = model_readme({"A|m.onnx|7"}) + "|" + std::string(3000, '|') + "\n";
  for (bool with_index : {false, true}) {
    MemorySource zoo;
    zoo.file("a/README.md", too_many_cells).file("a/m.onnx", "real but tiny");
    zoo.file("b/README.md", model_readme({"B|m.onnx|7"})).file("b/m.onnx", "another");
    if (with_index) zoo.file("README.md", testkit::index_readme({"a", "b"}));
    GenerateOptions options;
    options.previous = {testkit::entry("A", "a/m.onnx", 'a'), testkit::entry("A2", "a/old.onnx", 'o')};
    Diagnostics diags;
    GenerateResult result = generate(zoo, options, diags);
    ASSERT_EQ(codes(diags), (std::vector<std::string>{"readme.limit@a/README.md:6", "model.unreadable@b/README.md:5"}))
        << with_index;
    EXPECT_NE(diags.all()[0].message.find("; previous entries under a/ are kept"), std::string::npos);
    std::vector<std::string> paths;
    for (const BuiltEntry& b : result.entries) paths.push_back(b.entry.model_path);
    EXPECT_EQ(paths, (std::vector<std::string>{"a/m.onnx", "a/old.onnx", "b/m.onnx"})) << with_index;
  }
}

TEST(Generate, ALinkToAPathValidateRefusesIsARowError) {
  for (const char* link : {"model%5Cm.onnx", "m%0A.onnx", "m%1B.onnx"}) {
    MemorySource zoo;
    zoo.file("a/README.md", model_readme({std::string("A|") + link + "|7"}));
    Diagnostics diags;
    GenerateResult result = generate(zoo, GenerateOptions{}, diags);
    EXPECT_EQ(codes(diags), (std::vector<std::string>{"readme.link.invalid@a/README.md:5"})) << link;
    EXPECT_TRUE(result.entries.empty());
  }
}

TEST(Generate, ArchivesAreListedInThePassThatHashesThem) {
  MemorySource zoo = testkit::source_tree("samples");
  CountingSource counted(zoo);
  GenerateOptions options = samples_options();
  options.previous = committed_samples();
  options.read_archives = true;
  Diagnostics diags;
  GenerateResult result = generate(counted, options, diags);
  std::size_t listed = 0, absent = 0;
  for (const BuiltEntry& b : result.entries) {
    if (!b.entry.model_with_data_path) continue;
    if (b.origin.archive_absent) {
      ++absent;
      continue;
    }
    ASSERT_TRUE(b.origin.archive) << b.entry.model_path;
    EXPECT_EQ(b.origin.archive->sha256, *b.entry.model_with_data_sha);
    EXPECT_EQ(b.origin.archive->models.size(), 1u);
    EXPECT_FALSE(b.origin.archive->test_data_sets.empty());
    ++listed;
  }
  EXPECT_EQ(listed, 5u);
  EXPECT_EQ(absent, 1u);  // kws-large's archive is an LFS pointer
  // Each archive was read once: the counted bytes are what a run without archives reads.
  options.read_archives = false;
  CountingSource plain(zoo);
  (void)generate(plain, options, diags);
  EXPECT_EQ(counted.bytes_read(), plain.bytes_read());
}

}  // namespace
}  // namespace ohm::zoo
