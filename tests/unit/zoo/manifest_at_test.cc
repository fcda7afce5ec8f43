// Whether a base revision holds the manifest already read (zoo/manifest_at.h),
// told by object ids alone.
#include "zoo/manifest_at.h"

#include <gtest/gtest.h>

#include "hash/git_blob_id.h"
#include "manifest/json_io.h"
#include "zoo/memory_source.h"

namespace ohm::zoo {
namespace {

// A revision: its files, each with the blob id git gives it.
class Revision : public MemorySource {
 public:
  std::optional<std::string> object_id(const std::string& rel) const override {
    auto text = read(rel, 1 << 20);
    return text ? std::optional<std::string>(hash::git_blob_id(*text)) : std::nullopt;
  }
};

TEST(ManifestAt, TheSameBytesAreKnownByTheirBlobIdWithoutAnIdOfTheirOwn) {
  Revision base;
  base.file(manifest::kManifestName, "[\n    {}\n]\n");
  const std::optional<std::string> none;
  EXPECT_TRUE(same_manifest_as(none, std::string("[\n    {}\n]\n"), base));   // a work tree's copy
  EXPECT_FALSE(same_manifest_as(none, std::string("[\n    []\n]\n"), base));  // same size, other bytes
  EXPECT_FALSE(same_manifest_as(none, std::string("[]\n"), base));
  EXPECT_FALSE(same_manifest_as(none, std::nullopt, base));
  // A source with ids of its own (the index, a commit) is compared by them.
  EXPECT_TRUE(same_manifest_as(base.object_id(manifest::kManifestName), std::string("anything"), base));
  EXPECT_FALSE(same_manifest_as(std::string("0000"), std::string("[\n    {}\n]\n"), base));
  // A base with no manifest, or one that cannot name its blobs (a folder).
  EXPECT_FALSE(same_manifest_as(none, std::string("[]\n"), Revision()));
  MemorySource folder;
  folder.file(manifest::kManifestName, "[]\n");
  EXPECT_FALSE(same_manifest_as(none, std::string("[]\n"), folder));
}

}  // namespace
}  // namespace ohm::zoo
