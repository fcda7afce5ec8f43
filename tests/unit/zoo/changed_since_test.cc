// --changed-since on two in-memory zoos: rebuilding only the changed rows
// equals a full regeneration whenever the target's manifest was up to date.
#include "zoo/changed_since.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "entries.h"
#include "manifest/json_io.h"
#include "zoo/memory_source.h"
#include "zoo_fixture.h"

namespace ohm::zoo {
namespace {

using testkit::model_readme;

// A zoo of `n` folders with one real (tiny) model each.
MemorySource zoo_of(int n, bool with_index) {
  MemorySource z;
  std::vector<std::string> folders;
  for (int i = 0; i < n; ++i) {
    std::string f = "f" + std::to_string(i);
    folders.push_back(f);
    z.file(f + "/README.md", model_readme({"M" + std::to_string(i) + "|m.onnx|13"}));
    z.file(f + "/m.onnx", "model " + std::to_string(i));
  }
  if (with_index) z.file("README.md", testkit::index_readme(folders));
  return z;
}

std::vector<manifest::Entry> full(const Source& zoo) {
  Diagnostics diags;
  return entries_of(generate(zoo, GenerateOptions{}, diags));
}

std::string incremental(MemorySource& target, MemorySource& base, const ChangeSet& changes) {
  ReadmeSet t(target), b(base);
  Diagnostics diags;
  GenerateResult r = generate_changed_since(t, b, changes, full(base), GenerateOptions{}, diags);
  return manifest::write_manifest(entries_of(r));
}

class ChangedSince : public ::testing::TestWithParam<bool> {};

TEST_P(ChangedSince, EqualsFullRegeneration) {
  const bool index = GetParam();
  MemorySource base = zoo_of(5, index);
  MemorySource target = zoo_of(5, index);
  target.file("f1/m.onnx", "changed model");                                            // content
  target.file("f2/README.md", model_readme({"Renamed|m.onnx|13", "Extra|n.onnx|13"}));  // rows
  target.file("f2/n.onnx", "new model");
  target.file("f3/README.md", model_readme({}));  // a row deleted
  ChangeSet changes{{"f1/m.onnx", "f2/README.md", "f2/n.onnx", "f3/README.md"}, false};
  EXPECT_EQ(incremental(target, base, changes), manifest::write_manifest(full(target)));
}

TEST_P(ChangedSince, NothingChangedKeepsEverything) {
  MemorySource base = zoo_of(3, GetParam());
  MemorySource target = zoo_of(3, GetParam());
  EXPECT_EQ(incremental(target, base, ChangeSet{}), manifest::write_manifest(full(target)));
}

INSTANTIATE_TEST_SUITE_P(IndexAndTree, ChangedSince, ::testing::Bool());

TEST(ChangedSinceRules, WhatForcesAFullRegeneration) {
  EXPECT_EQ(full_regeneration_reason({{"a/README.md"}, false}), "");
  EXPECT_NE(full_regeneration_reason({{"README.md"}, false}), "");
  EXPECT_NE(full_regeneration_reason({{".onnx-hub-manifest/feature_tensors.json"}, false}), "");
  EXPECT_NE(full_regeneration_reason({{}, true}), "");
}

TEST(ChangedSinceRules, ChangedFileLinkedFromElsewhereFallsBackToAFullRun) {
  MemorySource base;
  base.file("a/README.md", model_readme({"A|../shared/m.onnx|13"})).file("shared/m.onnx", "v1");
  MemorySource target;
  target.file("a/README.md", model_readme({"A|../shared/m.onnx|13"})).file("shared/m.onnx", "v2");
  // shared/ has no README: only a full run finds the row that links it.
  EXPECT_EQ(incremental(target, base, ChangeSet{{"shared/m.onnx"}, false}), manifest::write_manifest(full(target)));
}

}  // namespace
}  // namespace ohm::zoo

namespace ohm::zoo {
namespace {

using testkit::entry;

using Paths = std::vector<std::string>;

TEST(ManifestChanges, WhatTheManifestChangedByItself) {
  const std::vector<manifest::Entry> base = {entry("A", "a.onnx", 'a'), entry("B", "b.onnx", 'b')};
  EXPECT_EQ(manifest_changes(base, base), Paths{});
  std::vector<manifest::Entry> edited = base;
  edited[1].model_sha = std::string(64, 'c');
  edited.push_back(entry("C", "c.onnx", 'c'));
  EXPECT_EQ(manifest_changes(edited, base), (Paths{"b.onnx", "c.onnx"}));
  EXPECT_EQ(manifest_changes({base[1]}, base), (Paths{"a.onnx"}));  // an entry gone is a change
}

TEST(ManifestChanges, EntriesSharingAPathArePairedInOrder) {
  // Two rows linking one file give two entries with one model_path.
  const std::vector<manifest::Entry> base = {entry("A", "a.onnx", 'a'), entry("A2", "a.onnx", 'a'),
                                             entry("B", "b.onnx", 'b')};
  const std::vector<manifest::Entry> copy = base;
  EXPECT_EQ(manifest_changes(copy, base), Paths{});  // an equal manifest, not only the same object
  std::vector<manifest::Entry> renamed = base;
  renamed[1].model = "A two";
  EXPECT_EQ(manifest_changes(renamed, base), Paths{"a.onnx"});
  // One of the two dropped by hand: its rows are built again, not kept as one.
  EXPECT_EQ(manifest_changes({base[0], base[2]}, base), Paths{"a.onnx"});
  EXPECT_EQ(manifest_changes(base, {base[0], base[2]}), Paths{"a.onnx"});
}

// Manifests in model_path order are compared in one pass through both; out of
// order (edited by hand), by a map of the paths: the same pairs either way.
TEST(ManifestChanges, OrderAmongPathsChangesNothing) {
  const std::vector<manifest::Entry> base = {entry("A", "a.onnx", 'a'), entry("A2", "a.onnx", 'a'),
                                             entry("B", "b.onnx", 'b'), entry("C", "c.onnx", 'c')};
  std::vector<manifest::Entry> edited = base;
  edited[1].model = "A two";
  edited[3].model_sha = std::string(64, 'd');
  edited.push_back(entry("D", "d.onnx", 'd'));
  const Paths want{"a.onnx", "c.onnx", "d.onnx"};
  EXPECT_EQ(manifest_changes(edited, base), want);
  std::vector<manifest::Entry> shuffled = {edited[4], edited[2], edited[0], edited[3], edited[1]};
  EXPECT_EQ(manifest_changes(shuffled, base), want);
  EXPECT_EQ(manifest_changes(base, shuffled), want);
  EXPECT_EQ(manifest_changes({base[3], base[2], base[0], base[1]}, base), Paths{});
}

}  // namespace
}  // namespace ohm::zoo

namespace ohm::zoo {
namespace {

// What generate_changed_since keeps when nothing changed: every entry, as a
// stable sort by model_path orders them, whatever --jobs is and whether the
// manifest was sorted or not (large enough to be copied on several threads).
TEST(ChangedSinceRules, KeptEntriesAreTheStableSortOfTheManifestForEveryJobs) {
  std::vector<manifest::Entry> sorted, shuffled;
  for (int i = 0; i < 5000; ++i) {
    char path[32];
    std::snprintf(path, sizeof path, "m/%05d.onnx", i / 2);  // two entries to each path
    sorted.push_back(testkit::entry("M" + std::to_string(i), path, 'a'));
  }
  shuffled = sorted;
  std::reverse(shuffled.begin(), shuffled.end());
  for (const auto* manifest : {&sorted, &shuffled}) {
    std::vector<manifest::Entry> expected = *manifest;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const manifest::Entry& a, const manifest::Entry& b) { return a.model_path < b.model_path; });
    for (unsigned jobs : {1u, 2u, 8u}) {
      MemorySource target, base;
      ReadmeSet t(target), b(base);
      GenerateOptions options;
      options.jobs = jobs;
      Diagnostics diags;
      GenerateResult r = generate_changed_since(t, b, ChangeSet{}, *manifest, options, diags);
      // The same with the entries moved out of a manifest the caller gives up.
      std::vector<manifest::Entry> given_up = *manifest;
      GenerateResult moved = generate_changed_since(t, b, ChangeSet{}, std::move(given_up), options, diags);
      ASSERT_EQ(r.entries.size(), expected.size());
      ASSERT_EQ(moved.entries.size(), expected.size());
      for (std::size_t i = 0; i < expected.size(); ++i) {
        ASSERT_EQ(r.entries[i].entry.model, expected[i].model) << "jobs " << jobs << ", entry " << i;
        ASSERT_TRUE(manifest::same_entry(moved.entries[i].entry, expected[i])) << "jobs " << jobs << ", entry " << i;
      }
      EXPECT_EQ((*manifest)[0].model, manifest == &sorted ? "M0" : "M4999");  // copied from, not moved
    }
  }
}

// Entries kept from a manifest in the writer's bytes carry those bytes, and
// the manifest written with them copied is a full regeneration's; rebuilt
// entries carry none, and neither does one whose bytes are not known.
TEST(ChangedSinceRules, KeptEntriesCarryTheirWritersBytesAndRebuiltOnesDoNot) {
  MemorySource base = zoo_of(4, true), target = zoo_of(4, true);
  target.file("f1/m.onnx", "changed model");
  const std::string text = manifest::write_manifest(full(base));
  Diagnostics read_diags;
  std::vector<manifest::TextSpan> spans;
  auto manifest = manifest::parse_manifest(text, "m.json", read_diags, &spans);
  ASSERT_TRUE(manifest && spans.size() == 4u);
  std::vector<std::string_view> texts;
  for (const manifest::TextSpan& t : spans) texts.push_back(t.in(text));
  texts[3] = {};  // f3's bytes not known: written again
  ReadmeSet t(target), b(base);
  Diagnostics diags;
  GenerateResult r =
      generate_changed_since(t, b, ChangeSet{{"f1/m.onnx"}, false}, *manifest, GenerateOptions{}, diags, texts);
  ASSERT_EQ(r.entries.size(), 4u);
  for (const BuiltEntry& e : r.entries) {
    const bool copied = e.entry.model_path == "f0/m.onnx" || e.entry.model_path == "f2/m.onnx";
    EXPECT_EQ(!e.writer_text.empty(), copied) << e.entry.model_path;
    if (copied) {
      EXPECT_EQ(e.writer_text, texts[e.entry.model_path == "f0/m.onnx" ? 0 : 2]);
    }
  }
  const std::string written = manifest::write_manifest_spliced(
      r.entries.size(), [&](std::size_t i) -> const manifest::Entry& { return r.entries[i].entry; },
      [&](std::size_t i) { return r.entries[i].writer_text; });
  EXPECT_EQ(written, manifest::write_manifest(full(target)));
}

}  // namespace
}  // namespace ohm::zoo

namespace ohm::zoo {
namespace {

// In index mode every linked README is looked at only when asked for
// (validate's reachability), or when no entry is left (generate's empty zoo).
TEST(ChangedSinceRules, EveryLinkedReadmeIsFoundWhenAskedForOrWhenNoEntryIsLeft) {
  MemorySource base = zoo_of(3, true), target = zoo_of(3, true);
  target.file("f1/m.onnx", "changed model");
  const ChangeSet one{{"f1/m.onnx"}, false};
  for (bool wanted : {true, false}) {
    ReadmeSet t(target), b(base);
    Diagnostics diags;
    GenerateResult r = generate_changed_since(t, b, one, full(base), GenerateOptions{}, diags, {}, wanted);
    EXPECT_EQ(r.entries.size(), 3u);
    if (wanted) {
      ASSERT_TRUE(r.all_readmes.has_value());
      EXPECT_EQ(*r.all_readmes, (std::vector<std::string>{"f0/README.md", "f1/README.md", "f2/README.md"}));
    } else {
      EXPECT_FALSE(r.all_readmes.has_value());
    }
  }
  // Every model folder gone, the index left as it was: an empty zoo.
  MemorySource emptied;
  emptied.file("README.md", testkit::index_readme({"f0", "f1", "f2"}));
  ChangeSet all;
  for (const char* f : {"f0", "f1", "f2"}) {
    all.paths.push_back(std::string(f) + "/README.md");
    all.paths.push_back(std::string(f) + "/m.onnx");
  }
  std::sort(all.paths.begin(), all.paths.end());
  ReadmeSet t(emptied), b(base);
  Diagnostics diags;
  GenerateResult r = generate_changed_since(t, b, all, full(base), GenerateOptions{}, diags, {}, false);
  EXPECT_TRUE(r.entries.empty());
  ASSERT_TRUE(r.all_readmes.has_value());
  EXPECT_TRUE(r.all_readmes->empty());
}

}  // namespace
}  // namespace ohm::zoo
