#include "fs/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
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

TEST_F(AtomicFileTest, AFileThatAlreadyHoldsTheContentIsLeftAsItIs) {
  write("m.json", "same bytes");
  struct stat before {};
  ASSERT_EQ(::stat(path("m.json").c_str(), &before), 0);
  auto wrote = write_file_if_changed(path("m.json"), "same bytes");
  ASSERT_TRUE(wrote);
  EXPECT_FALSE(*wrote);
  struct stat after {};
  ASSERT_EQ(::stat(path("m.json").c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);  // not replaced by a renamed temp file
  // Other bytes of the same size, a prefix and a longer text are written.
  for (const std::string other : {"same bytez", "same", "same bytes, and more"}) {
    wrote = write_file_if_changed(path("m.json"), other);
    ASSERT_TRUE(wrote);
    EXPECT_TRUE(*wrote) << other;
    EXPECT_EQ(slurp(path("m.json")), other);
  }
  // Nothing there yet, and a link to a file holding the content: written, as
  // write_file_atomically would (the link is what it refuses).
  wrote = write_file_if_changed(path("new.json"), "x");
  ASSERT_TRUE(wrote);
  EXPECT_TRUE(*wrote);
  EXPECT_EQ(slurp(path("new.json")), "x");
  std::filesystem::create_symlink(path("new.json"), path("link.json"));
  EXPECT_FALSE(write_file_if_changed(path("link.json"), "x"));
  EXPECT_EQ(list(), (std::vector<std::string>{"link.json", "m.json", "new.json"}));
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

// The pid of a process that has exited and been reaped.
pid_t dead_pid() {
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

TEST_F(AtomicFileTest, WhatAKilledRunLeftIsRemovedAndNothingElse) {
  const std::string dead = std::to_string(dead_pid());
  const std::string alive = std::to_string(::getppid());
  write("m.json", "old");
  write("m.json.tmp." + dead + ".abcdef", "half a manifest");
  std::filesystem::create_directory(path("m.json.tmp." + dead + ".ghijkl"));
  write("m.json.tmp." + dead + ".ghijkl/inside", "x");
  write("m.json.tmp." + alive + ".abcdef", "a live writer's");
  write("other.json.tmp." + dead + ".abcdef", "not this target's");
  write("m.json.tmp." + dead + ".toolong", "not a temp name");
  ASSERT_TRUE(write_file_atomically(path("m.json"), "new"));
  std::vector<std::string> kept{"m.json", "m.json.tmp." + alive + ".abcdef", "m.json.tmp." + dead + ".toolong",
                                "other.json.tmp." + dead + ".abcdef"};
  std::sort(kept.begin(), kept.end());  // list() is sorted, and the pids' order varies
  EXPECT_EQ(list(), kept);
  write("d.tmp." + dead + ".abcdef", "left by a killed unpack");
  {
    auto folder = AtomicFolder::create(path("d"));
    ASSERT_TRUE(folder);
  }
  EXPECT_FALSE(std::filesystem::exists(path("d.tmp." + dead + ".abcdef")));
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
