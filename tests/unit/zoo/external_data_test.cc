// A model's side files (ONNX external data) on in-memory zoos: the reader's
// locations, the manifest's external_data list, reuse by model_sha, and each
// unsafe location, out-of-range tensor, missing file and collision.
#include "zoo/external_data.h"

#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include "entries.h"
#include "hash/sha256.h"
#include "onnx/model_reader.h"
#include "zoo/counting_source.h"
#include "zoo/generate.h"
#include "zoo/memory_source.h"
#include "zoo_fixture.h"

namespace ohm::zoo {
namespace {

using manifest::Entry;
using manifest::Json;
using testkit::model_readme;
using testkit::pointer_for;

struct Tensor {
  std::string name, location;
  std::string offset, length;  // "" leaves the entry out
};

// Y = X + W for each W, every W a float[4] whose data lives at its location.
std::string external_model(const std::vector<Tensor>& tensors) {
  ::onnx::ModelProto m;
  m.set_ir_version(8);
  m.add_opset_import()->set_version(13);
  auto* g = m.mutable_graph();
  g->set_name("g");
  auto* x = g->add_input();
  x->set_name("X");
  x->mutable_type()->mutable_tensor_type()->set_elem_type(1);
  x->mutable_type()->mutable_tensor_type()->mutable_shape()->add_dim()->set_dim_value(4);
  std::string last = "X";
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    auto* w = g->add_initializer();
    w->set_name(t.name);
    w->set_data_type(1);
    w->add_dims(4);
    w->set_data_location(::onnx::TensorProto::EXTERNAL);
    auto entry = [w](const std::string& k, const std::string& v) {
      auto* e = w->add_external_data();
      e->set_key(k);
      e->set_value(v);
    };
    entry("location", t.location);
    if (!t.offset.empty()) entry("offset", t.offset);
    if (!t.length.empty()) entry("length", t.length);
    auto* n = g->add_node();
    n->set_op_type("Add");
    n->add_input(last);
    n->add_input(t.name);
    last = i + 1 == tensors.size() ? "Y" : "s" + std::to_string(i);
    n->add_output(last);
  }
  auto* y = g->add_output();
  y->set_name("Y");
  y->mutable_type()->mutable_tensor_type()->set_elem_type(1);
  return m.SerializeAsString();
}

std::vector<onnx::ExternalDataRef> refs_of(const std::string& model) {
  onnx::ModelReader reader;
  for (std::size_t i = 0; i < model.size(); i += 7) reader.feed(std::string_view(model).substr(i, 7));
  return reader.external_data();
}

std::vector<std::string> codes(const std::vector<SideFileFinding>& findings) {
  std::vector<std::string> out;
  for (const SideFileFinding& f : findings) out.push_back(f.code);
  return out;
}

std::vector<std::string> codes(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) out.push_back(x.code + "@" + x.file + ":" + std::to_string(x.line));
  return out;
}

const std::string kWeights(32, '\1');  // two float[4] tensors

TEST(ExternalData, TheReaderCollectsLocationsWithoutTheSideFiles) {
  auto refs = refs_of(external_model({{"W", "w.bin", "16", "16"}, {"V", "sub/v.bin", "", ""}}));
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].tensor, "W");
  EXPECT_EQ(refs[0].location, "w.bin");
  EXPECT_EQ(refs[0].offset, 16u);
  EXPECT_EQ(refs[0].length, 16u);
  EXPECT_EQ(refs[1].location, "sub/v.bin");
  EXPECT_FALSE(refs[1].offset);
  EXPECT_FALSE(refs[1].length);
  EXPECT_TRUE(refs[1].bad_number.empty());
  EXPECT_EQ(refs_of(external_model({{"W", "w.bin", "-1", ""}}))[0].bad_number,
            "offset \"-1\" is not a non-negative integer");
}

TEST(ExternalData, TheLastLocationEntryWinsAsInOnnxsLoader) {
  ::onnx::ModelProto m;
  m.ParseFromString(external_model({{"W", "w.bin", "", ""}}));
  auto* again = m.mutable_graph()->mutable_initializer(0)->add_external_data();
  again->set_key("location");
  again->set_value("../secret.bin");
  auto refs = refs_of(m.SerializeAsString());
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].location, "../secret.bin");
}

TEST(ExternalData, SideFilesAreListedOnceSortedWithShaAndSize) {
  MemorySource zoo;
  zoo.file("a/z.bin", kWeights).file("a/sub/v.bin", std::string(16, '\2'));
  auto side = read_side_files(
      zoo, "a/m.onnx",
      refs_of(external_model({{"W", "z.bin", "0", "16"}, {"U", "z.bin", "16", "16"}, {"V", "./sub/v.bin", "", ""}})));
  EXPECT_TRUE(side.findings.empty()) << side.findings[0].message;
  ASSERT_EQ(side.list.size(), 2u);
  EXPECT_EQ(side.list[0]["path"], "a/sub/v.bin");
  EXPECT_EQ(side.list[1]["path"], "a/z.bin");
  EXPECT_EQ(side.list[1]["sha"], hash::sha256_hex(kWeights));
  EXPECT_EQ(side.list[1]["bytes"], 32);
  EXPECT_EQ(side.list[1].dump(), R"({"path":"a/z.bin","sha":")" + hash::sha256_hex(kWeights) + R"(","bytes":32})");
}

TEST(ExternalData, AnLfsPointerGivesShaAndSize) {
  MemorySource zoo;
  zoo.file("a/w.bin", pointer_for(kWeights));
  auto side = read_side_files(zoo, "a/m.onnx", refs_of(external_model({{"W", "w.bin", "0", "16"}})));
  EXPECT_TRUE(side.findings.empty());
  ASSERT_EQ(side.list.size(), 1u);
  EXPECT_EQ(side.list[0]["sha"], hash::sha256_hex(kWeights));
  EXPECT_EQ(side.list[0]["bytes"], 32);
}

TEST(ExternalData, UnsafeLocationsAreRefusedAndNeverRead) {
  MemorySource zoo;
  zoo.file("secret.bin", kWeights).file("a/w.bin", kWeights).symlink("a/link.bin").special("a/fifo.bin");
  for (const char* location : {"/etc/passwd", "../secret.bin", "sub/../../secret.bin", "", "C:\\w.bin", "a\\w.bin",
                               "https://x/w.bin", "link.bin", "fifo.bin", ".", "./", "/./etc/passwd", "a//w.bin"}) {
    auto side = read_side_files(zoo, "a/m.onnx", refs_of(external_model({{"W", location, "", ""}})));
    EXPECT_EQ(codes(side.findings), std::vector<std::string>{"external-data.unsafe"}) << location;
    EXPECT_TRUE(side.list.empty()) << location;
  }
  EXPECT_EQ(unsafe_location_reason("w.bin"), "");
  EXPECT_NE(unsafe_location_reason("../w.bin"), "");
}

TEST(ExternalData, ATensorBeyondItsFileIsOutOfRange) {
  MemorySource zoo;
  zoo.file("a/w.bin", kWeights);
  for (Tensor t : {Tensor{"W", "w.bin", "17", "16"}, Tensor{"W", "w.bin", "33", ""}, Tensor{"W", "w.bin", "", "33"},
                   Tensor{"W", "w.bin", "18446744073709551615", "2"}, Tensor{"W", "w.bin", "x", ""},
                   Tensor{"W", "w.bin", "", "99999999999999999999999"}}) {
    auto side = read_side_files(zoo, "a/m.onnx", refs_of(external_model({t})));
    EXPECT_EQ(codes(side.findings), std::vector<std::string>{"external-data.range"}) << t.offset << " " << t.length;
    EXPECT_EQ(side.list.size(), 1u);  // the file is still the model's
  }
  auto exact = read_side_files(zoo, "a/m.onnx", refs_of(external_model({{"W", "w.bin", "16", "16"}})));
  EXPECT_TRUE(exact.findings.empty());
  auto to_end = read_side_files(zoo, "a/m.onnx", refs_of(external_model({{"W", "w.bin", "32", ""}})));
  EXPECT_TRUE(to_end.findings.empty());
}

TEST(ExternalData, AMissingSideFileIsAnError) {
  MemorySource zoo;
  auto side = read_side_files(zoo, "a/m.onnx", refs_of(external_model({{"W", "w.bin", "", ""}})));
  EXPECT_EQ(codes(side.findings), std::vector<std::string>{"artifact.missing"});
  EXPECT_EQ(side.findings[0].message, "external data file a/w.bin (tensor \"W\") does not exist");
}

TEST(ExternalData, GenerateListsSideFilesAndReusesThemByModelSha) {
  const std::string model = external_model({{"W", "w.bin", "0", "16"}});
  MemorySource zoo;
  zoo.file("a/README.md", model_readme({"A|m.onnx|13"})).file("a/m.onnx", model).file("a/w.bin", kWeights);
  Diagnostics diags;
  GenerateResult full = generate(zoo, GenerateOptions{}, diags);
  EXPECT_TRUE(diags.all().empty()) << diags.all()[0].message;
  ASSERT_EQ(full.entries.size(), 1u);
  const Entry& built = full.entries[0].entry;
  ASSERT_TRUE(built.external_data);
  EXPECT_EQ((*built.external_data)[0]["path"], "a/w.bin");
  EXPECT_EQ(manifest::to_json(built)["metadata"].items().begin().key(), "model_sha");

  // A pointer-only clone: no model content, the list comes from the entry
  // with the same sha; the side file's pointer gives sha and size.
  MemorySource clone;
  clone.file("a/README.md", model_readme({"A|m.onnx|13"}))
      .file("a/m.onnx", pointer_for(model))
      .file("a/w.bin", pointer_for(kWeights));
  GenerateOptions reuse;
  reuse.previous = {built};
  Diagnostics quiet;
  GenerateResult again = generate(clone, reuse, quiet);
  EXPECT_TRUE(quiet.all().empty()) << quiet.all()[0].message;
  ASSERT_EQ(again.entries.size(), 1u);
  EXPECT_EQ(again.entries[0].entry.external_data, built.external_data);
  EXPECT_TRUE(again.entries[0].origin.external_data_known);
  EXPECT_FALSE(again.entries[0].origin.content_present);

  // The same bytes in another folder reuse the list moved to their own folder.
  MemorySource moved;
  moved.file("b/README.md", model_readme({"B|m.onnx|13"}))
      .file("b/m.onnx", pointer_for(model))
      .file("b/w.bin", pointer_for(kWeights));
  Diagnostics elsewhere;
  GenerateResult other = generate(moved, reuse, elsewhere);
  EXPECT_TRUE(elsewhere.all().empty()) << elsewhere.all()[0].message;
  ASSERT_EQ(other.entries.size(), 1u);
  ASSERT_TRUE(other.entries[0].entry.external_data);
  EXPECT_EQ((*other.entries[0].entry.external_data)[0]["path"], "b/w.bin");

  // Reused paths are read again: a side file that is gone is an error.
  MemorySource gone;
  gone.file("a/README.md", model_readme({"A|m.onnx|13"})).file("a/m.onnx", pointer_for(model));
  Diagnostics missing;
  GenerateResult without = generate(gone, reuse, missing);
  EXPECT_EQ(codes(missing), std::vector<std::string>{"artifact.missing@a/README.md:5"});
  EXPECT_FALSE(without.entries[0].entry.external_data);
}

// A side file two models list, and the models each linked from several rows:
// every file is read once; a missing side file is reported at each row.
TEST(ExternalData, ASideFileIsReadOnceForEveryModelAndRow) {
  MemorySource zoo;
  zoo.file("a/README.md",
           model_readme({"A|m.onnx|13", "A2|m.onnx|13", "B|n.onnx|13", "B2|n.onnx|13", "C|o.onnx|13", "C2|o.onnx|13"}))
      .file("a/m.onnx", external_model({{"W", "w.bin", "0", "16"}}))
      .file("a/n.onnx", external_model({{"W", "w.bin", "16", "16"}}))
      .file("a/o.onnx", external_model({{"W", "w.bin", "", ""}, {"V", "gone.bin", "", ""}}))
      .file("a/w.bin", std::string(4096 * 3, '\1'));  // streamed: more than a pointer's size
  for (unsigned jobs : {1u, 3u}) {
    GenerateOptions options;
    options.jobs = jobs;
    CountingSource counted(zoo);
    Diagnostics diags;
    GenerateResult result = generate(counted, options, diags);
    EXPECT_EQ(counted.times_read("a/w.bin"), 1u) << jobs;
    EXPECT_EQ(counted.times_read("a/m.onnx"), 1u) << jobs;
    EXPECT_EQ(counted.times_read("a/o.onnx"), 1u) << jobs;
    EXPECT_EQ(codes(diags),
              (std::vector<std::string>{"artifact.missing@a/README.md:9", "artifact.missing@a/README.md:10"}))
        << jobs;
    ASSERT_EQ(result.entries.size(), 6u);
    for (const BuiltEntry& b : result.entries) EXPECT_TRUE(b.entry.external_data) << b.entry.model;
  }
}

TEST(ExternalData, GenerateReportsUnsafeAndRangeAtTheRow) {
  MemorySource zoo;
  zoo.file("a/README.md", model_readme({"A|m.onnx|13"}))
      .file("a/m.onnx", external_model({{"W", "../w.bin", "", ""}, {"V", "w.bin", "30", "16"}}))
      .file("a/w.bin", kWeights)
      .file("w.bin", kWeights);
  Diagnostics diags;
  GenerateResult result = generate(zoo, GenerateOptions{}, diags);
  EXPECT_EQ(codes(diags),
            (std::vector<std::string>{"external-data.unsafe@a/README.md:5", "external-data.range@a/README.md:5"}));
  EXPECT_EQ(diags.all()[1].message, "a/m.onnx: tensor \"V\" reads bytes 30..46 of a/w.bin, which holds 32 bytes");
}

TEST(ExternalData, SideFilesOfTheSameNameThatDifferCollide) {
  Entry a = testkit::entry("A", "f/a.onnx", 'a');
  Entry b = testkit::entry("B", "f/b.onnx", 'b');
  Entry c = testkit::entry("C", "f/c.onnx", 'c');
  auto list = [](char sha) {
    return Json::array({Json{{"path", "f/w.bin"}, {"sha", std::string(64, sha)}, {"bytes", 4}}});
  };
  a.external_data = list('1');
  b.external_data = list('1');  // the same file: fine
  c.external_data = list('2');
  auto found = find_collisions({&a, &b, &c});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].entry, 2u);
  EXPECT_EQ(found[0].message,
            "external data file f/w.bin differs from the one f/a.onnx lists under the same name: in the cache one "
            "would overwrite the other");
}

}  // namespace
}  // namespace ohm::zoo
