#include "fs/file_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "temp_dir.h"

namespace ohm::fs {
namespace {

using TempDir = ohm::testkit::TempDirTest;

TEST_F(TempDir, ReadsRegularFiles) {
  std::ofstream(path("a")) << "hello";
  EXPECT_EQ(*read_regular_file(path("a"), 100), "hello");
  EXPECT_FALSE(read_regular_file(path("a"), 4));
  std::string streamed;
  auto n = stream_regular_file(path("a"), [&](std::string_view c) {
    streamed += c;
    return true;
  });
  EXPECT_EQ(*n, 5u);
  EXPECT_EQ(streamed, "hello");
}

TEST_F(TempDir, RefusesSymlinksDevicesFifosAndFolders) {
  std::ofstream(path("a")) << "x";
  ASSERT_EQ(symlink(path("a").c_str(), path("link").c_str()), 0);
  ASSERT_EQ(mkfifo(path("fifo").c_str(), 0600), 0);
  for (const char* p : {"link", "fifo"}) {
    auto r = read_regular_file(path(p), 100);
    EXPECT_FALSE(r) << p;
  }
  EXPECT_FALSE(read_regular_file("/dev/zero", 100));
  EXPECT_FALSE(read_regular_file(dir_, 100));
  EXPECT_EQ(status_of(path("link")).kind, FileKind::kSymlink);
  EXPECT_EQ(status_of(path("none")).kind, FileKind::kMissing);
}

}  // namespace
}  // namespace ohm::fs
