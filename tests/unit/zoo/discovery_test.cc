// Finding model READMEs (SPEC 2) on in-memory zoos, each README read once.
#include "zoo/discovery.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

#include "core/checks.h"
#include "zoo/counting_source.h"
#include "zoo/memory_source.h"
#include "zoo_fixture.h"

namespace ohm::zoo {
namespace {

using testkit::index_readme;
using testkit::model_readme;
using Paths = std::vector<std::string>;

std::vector<std::string> codes(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) out.push_back(x.code + "@" + x.file + ":" + std::to_string(x.line));
  return out;
}

TEST(Discovery, IndexModeFollowsModelClassLinks) {
  MemorySource zoo;
  zoo.file("README.md", index_readme({"b", "a", "a/README.md", "gone"}))
      .file("a/README.md", model_readme({"A|a.onnx|7"}))
      .file("b/README.md", model_readme({"B|b.onnx|7"}))
      .file("c/README.md", model_readme({"C|c.onnx|7"}));  // not linked
  ReadmeSet readmes(zoo);
  Diagnostics diags;
  Discovery d = discover_readmes(readmes, DiscoverMode::kAuto, diags);
  EXPECT_EQ(d.mode_used, DiscoverMode::kIndex);
  EXPECT_EQ(d.readmes, (Paths{"a/README.md", "b/README.md"}));
  EXPECT_EQ(d.unreachable_folders, (Paths{"gone"}));
  EXPECT_EQ(codes(diags), (Paths{"index.link.missing@README.md:8"}));
  EXPECT_FALSE(d.failed);
}

// A source that counts the paths stat'ed through it.
class StatCounting : public MemorySource {
 public:
  fs::FileStatus stat(const std::string& rel) const override {
    ++stats;
    return MemorySource::stat(rel);
  }
  mutable std::atomic<int> stats{0};
};

TEST(Discovery, TheLinkedReadmesAmongSomeAreDiscoverysAndOnlyTheirLinksAreFollowed) {
  StatCounting zoo;
  std::vector<std::string> links{"b", "a", "a/README.md", "gone", "c/README.md", "../out", "d"};
  for (int i = 0; i < 50; ++i) links.push_back("many/m" + std::to_string(i));
  zoo.file("README.md", index_readme(links))
      .file("a/README.md", model_readme({"A|a.onnx|7"}))
      .file("b/README.md", model_readme({"B|b.onnx|7"}))
      .file("c/README.md", model_readme({"C|c.onnx|7"}))
      .file("e/README.md", model_readme({"E|e.onnx|7"}));  // not linked
  for (int i = 0; i < 50; ++i) zoo.file("many/m" + std::to_string(i) + "/README.md", model_readme({}));
  ReadmeSet readmes(zoo);
  Diagnostics diags;
  const Paths all = discover_readmes(readmes, DiscoverMode::kIndex, diags).readmes;
  for (const Paths& candidates : {Paths{"a/README.md", "e/README.md", "gone/README.md"}, Paths{"c/README.md"},
                                  Paths{"b/README.md", "d/README.md", "many/m7/README.md"}, Paths{}}) {
    Paths expected;
    for (const std::string& r : all) {
      if (std::binary_search(candidates.begin(), candidates.end(), r)) expected.push_back(r);
    }
    zoo.stats = 0;
    EXPECT_EQ(index_linked_among(readmes, candidates), expected);
    EXPECT_LE(zoo.stats, 2 * 3 + 2);  // a link is stat'ed twice at most, and the root README
  }
}

TEST(Discovery, TreeModeReadsEveryReadmeOnce) {
  MemorySource zoo;
  zoo.file("README.md", "# no index\n")
      .file("x/README.md", model_readme({"X|x.onnx|7"}))
      .file("x/y/README.md", "no table\n")
      .file("z/notes.md", model_readme({"Z|z.onnx|7"}));
  CountingSource counted(zoo);
  ReadmeSet readmes(counted);
  Diagnostics diags;
  Discovery d = discover_readmes(readmes, DiscoverMode::kAuto, diags);
  EXPECT_EQ(d.mode_used, DiscoverMode::kTree);
  EXPECT_EQ(d.readmes, (Paths{"x/README.md"}));
  EXPECT_TRUE(diags.all().empty());
  const std::uint64_t after_discovery = counted.bytes_read();
  ASSERT_TRUE(readmes.get("x/README.md"));  // the generator's read: from the set
  EXPECT_EQ(counted.bytes_read(), after_discovery);
}

TEST(Discovery, ReadAheadReadsEachReadmeOnceAndReportsNothingOfItsOwn) {
  MemorySource zoo;
  zoo.file("README.md", index_readme({"a", "b", "gone"}))
      .file("a/README.md", model_readme({"A|a.onnx|7"}))
      .file("b/README.md", model_readme({"B|b.onnx|7"}))
      .file("c/README.md", model_readme({"C|c.onnx|7"}));  // not linked: not read ahead
  CountingSource counted(zoo);
  ReadmeSet readmes(counted);
  read_discovered_ahead(readmes, DiscoverMode::kAuto, 2);
  // The run's own discovery waits for the read-ahead, reports what it finds
  // (once), and reads nothing again.
  Diagnostics diags;
  Discovery d = discover_readmes(readmes, DiscoverMode::kAuto, diags);
  EXPECT_EQ(d.readmes, (Paths{"a/README.md", "b/README.md"}));
  EXPECT_EQ(codes(diags), (Paths{"index.link.missing@README.md:7"}));
  const std::uint64_t linked = zoo.stat("README.md").size + zoo.stat("a/README.md").size + zoo.stat("b/README.md").size;
  EXPECT_EQ(counted.bytes_read(), linked);
  readmes.read_all(d.readmes, 2);
  ASSERT_TRUE(readmes.get("a/README.md"));
  EXPECT_TRUE(readmes.get("b/README.md")->has_model_table);
  EXPECT_EQ(counted.bytes_read(), linked);
  ASSERT_TRUE(readmes.get("c/README.md"));  // asked for later: read then
  EXPECT_EQ(counted.bytes_read(), linked + zoo.stat("c/README.md").size);
}

// A zoo that counts how often its files are listed.
class ListingCounted : public MemorySource {
 public:
  Result<std::vector<std::string>> list_files() const override {
    ++listed;
    return MemorySource::list_files();
  }
  mutable std::atomic<int> listed{0};
};

TEST(Discovery, TheFileListIsReadAheadWhenAskedAndListedOncePerSet) {
  ListingCounted zoo;
  zoo.file("README.md", index_readme({"a"}))
      .file("a/README.md", model_readme({"A|a.onnx|7"}))
      .file("c/README.md", model_readme({"C|c.onnx|7"}));
  ReadmeSet readmes(zoo);
  read_discovered_ahead(readmes, DiscoverMode::kAuto, 2, true);
  Diagnostics diags;
  EXPECT_EQ(readmes_with_model_tables(readmes, diags), (Paths{"a/README.md", "c/README.md"}));
  EXPECT_EQ(readmes_with_model_tables(readmes, diags), (Paths{"a/README.md", "c/README.md"}));
  EXPECT_EQ(zoo.listed, 1);  // by the read-ahead, for both
  EXPECT_TRUE(diags.all().empty());

  ReadmeSet without(zoo);
  read_discovered_ahead(without, DiscoverMode::kAuto, 2);
  ASSERT_TRUE(without.get("a/README.md"));
  EXPECT_EQ(zoo.listed, 1);  // index mode needs no list, and none was asked for
  ASSERT_TRUE(without.files());
  EXPECT_EQ(zoo.listed, 2);
}

TEST(Discovery, ASetGoneBeforeItsReadAheadIsUsedWaitsForIt) {
  MemorySource zoo;
  zoo.file("README.md", index_readme({"a"})).file("a/README.md", model_readme({"A|a.onnx|7"}));
  const std::uint64_t linked = zoo.stat("README.md").size + zoo.stat("a/README.md").size;
  for (int i = 0; i < 20; ++i) {
    CountingSource counted(zoo);
    {
      ReadmeSet readmes(counted);
      read_discovered_ahead(readmes, DiscoverMode::kAuto, 2);
    }  // the destructor waits for the work, which reads `counted`
    EXPECT_EQ(counted.bytes_read(), linked);
  }
}

TEST(Discovery, ForcedModes) {
  MemorySource zoo;
  zoo.file("README.md", index_readme({"a"}))
      .file("a/README.md", model_readme({"A|a.onnx|7"}))
      .file("b/README.md", model_readme({"B|b.onnx|7"}));
  ReadmeSet readmes(zoo);
  Diagnostics diags;
  EXPECT_EQ(discover_readmes(readmes, DiscoverMode::kTree, diags).readmes, (Paths{"a/README.md", "b/README.md"}));

  MemorySource plain;
  plain.file("a/README.md", model_readme({"A|a.onnx|7"}));
  ReadmeSet plain_readmes(plain);
  Discovery d = discover_readmes(plain_readmes, DiscoverMode::kIndex, diags);
  EXPECT_TRUE(d.failed);
  EXPECT_EQ(codes(diags), (Paths{"index.missing@README.md:0"}));
}

TEST(Discovery, SymlinkedRootReadmeIsRefusedNotSkipped) {
  MemorySource zoo;
  zoo.symlink("README.md").file("a/README.md", model_readme({"A|a.onnx|7"}));
  ReadmeSet readmes(zoo);
  Diagnostics diags;
  Discovery d = discover_readmes(readmes, DiscoverMode::kAuto, diags);
  EXPECT_EQ(codes(diags).at(0), "readme.unreadable@README.md:0");
  EXPECT_EQ(d.mode_used, DiscoverMode::kTree);
}

TEST(Discovery, LinkThatIsNotAZooPath) {
  MemorySource zoo;
  zoo.file("README.md", index_readme({"https://example.com/x"}));
  ReadmeSet readmes(zoo);
  Diagnostics diags;
  Discovery d = discover_readmes(readmes, DiscoverMode::kAuto, diags);
  EXPECT_TRUE(d.readmes.empty());
  EXPECT_EQ(codes(diags), (Paths{"index.link.invalid@README.md:5"}));
}

}  // namespace
}  // namespace ohm::zoo
