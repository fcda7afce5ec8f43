// Archives found by fuzzing (tests/fuzz/fuzz_tarball.cc) that once hung the reader.
#include <gtest/gtest.h>

#include <string>

#include "archive/tarball.h"
#include "tar_builder.h"

namespace ohm::archive {
namespace {

using testing::build_tar_gz;
using testing::file;
using testing::symlink;

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A pax path of 100,000 components (200 KB; the .tar.gz is under 1 KB). Listing
// its parent folders as strings took quadratic time and memory: about 20 GB.
TEST(TarballFuzzRegression, VeryDeepPathsAreCheckedInOnePass) {
  const std::string deep = repeat("d/", 100000);
  const std::string bytes = build_tar_gz({
      symlink("m/l", "."), file("m/" + deep + "ok.onnx", "x"), file("m/l/" + deep + "f", "x"),  // below a link
      symlink("m/y", "l/" + deep + repeat("../", 100001)),  // climbs out through m/l
      symlink("m/z", deep + "../../a"),                     // stays inside, no link walked
  });
  ASSERT_LT(bytes.size(), 4096u);
  Result<Listing> listing = read_tarball(stream_bytes(bytes), ReadOptions{});
  ASSERT_TRUE(listing.ok()) << listing.error();
  EXPECT_TRUE(listing->damage.empty()) << listing->damage;
  ASSERT_EQ(listing->entries.size(), 5u);
  ASSERT_EQ(listing->unsafe.size(), 2u);
  EXPECT_EQ(listing->unsafe[0].path, "m/l/" + deep + "f");
  EXPECT_EQ(listing->unsafe[0].reason, "path goes through the symbolic link m/l");
  EXPECT_EQ(listing->unsafe[1].path, "m/y");
  EXPECT_NE(listing->unsafe[1].reason.find("climbs out through another link"), std::string::npos)
      << listing->unsafe[1].reason;
  EXPECT_EQ(listing->models, (std::vector<std::string>{"m/" + deep + "ok.onnx"}));
}

}  // namespace
}  // namespace ohm::archive
