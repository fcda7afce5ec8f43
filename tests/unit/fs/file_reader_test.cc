#include "fs/file_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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

TEST_F(TempDir, ReadsWholeFilesOfEverySizeAndOnesWhoseSizeIsNotKnown) {
  // Sizes around the read buffer's (64 KiB), read whole though the last read
  // to see the end is left out when fstat's size has been read.
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{65535}, std::size_t{65536}, std::size_t{65537},
                           std::size_t{200000}}) {
    std::string content(size, 'x');
    for (std::size_t i = 0; i < size; ++i) content[i] = static_cast<char>('a' + i % 26);
    std::ofstream(path("f"), std::ios::binary | std::ios::trunc) << content;
    auto read = read_regular_file(path("f"), 1 << 20);
    ASSERT_TRUE(read) << size;
    EXPECT_TRUE(*read == content) << size;
  }
  // /proc says 0 bytes for files that have more: they are read to the end.
  auto status = read_regular_file("/proc/self/status", 1 << 20);
  ASSERT_TRUE(status) << status.error();
  EXPECT_NE(status->find("Pid:"), std::string::npos);
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

// Large files are read ahead on a second thread: the sink still sees every
// byte once, in order, in chunks of at most 1 MiB, and can stop early.
TEST_F(TempDir, ALargeFileStreamsInOrderAndStopsWhenTheSinkSaysSo) {
  std::string content(40u << 20, '\0');
  for (std::size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>((i * 7919u) >> 13);
  std::ofstream(path("big"), std::ios::binary) << content;
  std::string streamed;
  std::size_t chunks = 0, largest = 0;
  auto n = stream_regular_file(path("big"), [&](std::string_view c) {
    streamed += c;
    ++chunks;
    largest = std::max(largest, c.size());
    return true;
  });
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, content.size());
  EXPECT_TRUE(streamed == content) << "the bytes differ";
  EXPECT_LE(largest, 1u << 20);
  EXPECT_GE(chunks, 40u);

  std::size_t seen = 0;
  auto stopped = stream_regular_file(path("big"), [&](std::string_view c) {
    seen += c.size();
    return seen < (3u << 20);
  });
  ASSERT_TRUE(stopped);
  EXPECT_EQ(*stopped, seen);
  EXPECT_EQ(seen, 3u << 20);
}

}  // namespace
}  // namespace ohm::fs
