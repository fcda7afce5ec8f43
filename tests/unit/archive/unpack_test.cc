#include "archive/unpack.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tar_builder.h"
#include "temp_dir.h"

namespace ohm::archive {
namespace {

namespace stdfs = std::filesystem;
using testing::build_tar_gz;
using testing::dir;
using testing::file;
using testing::hardlink;
using testing::special;
using testing::symlink;
using testing::TarEntry;

class UnpackTest : public testkit::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    // The archive unpacks into <temp>/cache/target; <temp>/outside is a canary.
    stdfs::create_directories(root() / "cache");
  }
  stdfs::path root() const { return dir_; }

  // Every path below dir_, relative, sorted.
  std::vector<std::string> tree() const {
    std::vector<std::string> out;
    for (auto& e : stdfs::recursive_directory_iterator(root())) {
      out.push_back(stdfs::relative(e.path(), root()).string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string target() const { return (root() / "cache" / "target").string(); }
};

std::string slurp(const stdfs::path& p) { return testkit::slurp(p.string()); }

TEST_F(UnpackTest, UnpacksASafeArchive) {
  std::string bytes = build_tar_gz({dir("m/"), file("m/model.onnx", "model"),
                                    file("m/test_data_set_0/input_0.pb", "in"), symlink("m/alias.onnx", "model.onnx")});
  Result<Listing> listing = unpack_tarball(stream_bytes(bytes), target(), {});
  ASSERT_TRUE(listing.ok()) << listing.error();
  EXPECT_TRUE(listing->safe());
  EXPECT_EQ(slurp(root() / "cache/target/m/model.onnx"), "model");
  EXPECT_EQ(slurp(root() / "cache/target/m/test_data_set_0/input_0.pb"), "in");
  EXPECT_TRUE(stdfs::is_symlink(root() / "cache/target/m/alias.onnx"));
  EXPECT_EQ(tree().size(), 7u);  // cache, target, m, 3 files, test_data_set_0
}

TEST_F(UnpackTest, RefusedArchivesLeaveNothing) {
  std::vector<std::vector<TarEntry>> hostile = {
      {file("m/ok", "x"), file("../outside", "x")},
      {file("m/ok", "x"), file("/tmp/ohm-abs-test", "x")},
      {symlink("m/l", "../../outside")},
      {symlink("m/l", "."), file("m/l/x", "x")},
      {file("m/x/y", "x"), symlink("m/x", ".")},
      {symlink("x", "."), symlink("y", "x/..")},
      {hardlink("m/h", "/etc/passwd")},
      {special("m/dev", AE_IFCHR)},
      {special("m/fifo", AE_IFIFO)},
  };
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    Result<Listing> listing = unpack_tarball(stream_bytes(build_tar_gz(hostile[i])), target(), {});
    ASSERT_TRUE(listing.ok()) << i << ": " << listing.error();
    EXPECT_FALSE(listing->safe()) << i;
    EXPECT_EQ(tree(), std::vector<std::string>{"cache"}) << i;
  }
  EXPECT_FALSE(stdfs::exists("/tmp/ohm-abs-test"));
}

TEST_F(UnpackTest, DamagedArchiveLeavesNothing) {
  std::string bytes = build_tar_gz({file("m/model.onnx", std::string(100000, 'x'))});
  Result<Listing> listing =
      unpack_tarball(stream_bytes(std::string_view(bytes).substr(0, bytes.size() - 40)), target(), {});
  ASSERT_TRUE(listing.ok());
  EXPECT_FALSE(listing->damage.empty());
  EXPECT_EQ(tree(), std::vector<std::string>{"cache"});
}

TEST_F(UnpackTest, LimitLeavesNothing) {
  UnpackOptions options;
  options.limits.max_entries = 2;
  std::string bytes = build_tar_gz({file("a", "1"), file("b", "2"), file("c", "3")});
  Result<Listing> listing = unpack_tarball(stream_bytes(bytes), target(), options);
  ASSERT_TRUE(listing.ok());
  EXPECT_FALSE(listing->safe());
  EXPECT_EQ(tree(), std::vector<std::string>{"cache"});
}

TEST_F(UnpackTest, ExistingTargetNeedsReplace) {
  std::string first = build_tar_gz({file("m/a", "1")});
  std::string second = build_tar_gz({file("m/b", "2")});
  ASSERT_TRUE(unpack_tarball(stream_bytes(first), target(), {}).ok());
  EXPECT_FALSE(unpack_tarball(stream_bytes(second), target(), {}).ok());
  UnpackOptions replace;
  replace.replace = true;
  ASSERT_TRUE(unpack_tarball(stream_bytes(second), target(), replace).ok());
  EXPECT_FALSE(stdfs::exists(root() / "cache/target/m/a"));
  EXPECT_EQ(slurp(root() / "cache/target/m/b"), "2");
  EXPECT_EQ(tree().size(), 4u);  // cache, target, m, b: no leftovers
}

}  // namespace
}  // namespace ohm::archive
