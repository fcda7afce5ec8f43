#include "fs/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fs/file_reader.h"
#include "temp_dir.h"

namespace ohm::fs {
namespace {

using AtomicFileTest = ohm::testkit::TempDirTest;
using ohm::testkit::slurp;

TEST_F(AtomicFileTest, WriteReplacesAndLeavesNoTempFile) {
  write("m.json", "old");
  ASSERT_TRUE(write_file_atomically(path("m.json"), "new"));
  EXPECT_EQ(slurp(path("m.json")), "new");
  EXPECT_FALSE(write_file_atomically(path("no/such/dir/m.json"), "x"));
  EXPECT_EQ(list(), (std::vector<std::string>{"m.json"}));
}

TEST_F(AtomicFileTest, NothingAppearsUntilCommit) {
  write("m.json", "old");
  {
    auto file = AtomicFile::create(path("m.json"));
    ASSERT_TRUE(file);
    ASSERT_TRUE(file->write("half"));
    // The temp name says who made it: <target>.tmp.<pid>.XXXXXX.
    std::vector<std::string> names = list();
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names[1].rfind("m.json.tmp." + std::to_string(::getpid()) + ".", 0), 0u) << names[1];
    EXPECT_EQ(slurp(path("m.json")), "old");
  }  // dropped without commit
  EXPECT_EQ(list(), (std::vector<std::string>{"m.json"}));
  EXPECT_EQ(slurp(path("m.json")), "old");
}

TEST_F(AtomicFileTest, CommitGivesUsualPermissions) {
  ::umask(022);
  ASSERT_TRUE(write_file_atomically(path("f"), "x"));
  auto perms = std::filesystem::status(path("f")).permissions();
  EXPECT_EQ(perms & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                std::filesystem::perms::group_read | std::filesystem::perms::others_read);
}

TEST_F(AtomicFileTest, FolderAppearsOnlyOnCommitAndReplacesAnOldOne) {
  write("data/old.txt", "old");
  {
    auto folder = AtomicFolder::create(path("data"));
    ASSERT_TRUE(folder);
    std::ofstream(folder->path() + "/new.txt") << "new";
    EXPECT_EQ(list("data"), (std::vector<std::string>{"old.txt"}));
  }  // dropped: removed with its content
  EXPECT_EQ(list(), (std::vector<std::string>{"data"}));
  auto folder = AtomicFolder::create(path("data"));
  ASSERT_TRUE(folder);
  std::ofstream(folder->path() + "/new.txt") << "new";
  ASSERT_TRUE(folder->commit());
  EXPECT_EQ(list("data"), (std::vector<std::string>{"new.txt"}));
  EXPECT_EQ(list(), (std::vector<std::string>{"data"}));
}

}  // namespace
}  // namespace ohm::fs
