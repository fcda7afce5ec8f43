#include "fs/folder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fs/atomic_file.h"
#include "temp_dir.h"

namespace ohm::fs {
namespace {

namespace stdfs = std::filesystem;
using FolderTest = ohm::testkit::TempDirTest;
using ohm::testkit::slurp;

TEST_F(FolderTest, BeneathMakesMissingFoldersAndRecordsThem) {
  auto root = Folder::open(path("cache"));
  EXPECT_FALSE(root);  // missing, and not asked to make it
  MadeFolders made;
  root = Folder::open(path("cache/hub"), &made);
  ASSERT_TRUE(root) << root.error();
  auto deep = root->beneath("a/b", "shown", &made);
  ASSERT_TRUE(deep) << deep.error();
  EXPECT_EQ(deep->path(), path("cache/hub/a/b"));
  EXPECT_EQ(made.paths(),
            (std::vector<std::string>{path("cache"), path("cache/hub"), path("cache/hub/a"), path("cache/hub/a/b")}));
  ASSERT_TRUE(write_file_atomically_in(*deep, "m.onnx", "model"));
  EXPECT_EQ(slurp(path("cache/hub/a/b/m.onnx")), "model");
}

TEST_F(FolderTest, ASymlinkAnywhereOnTheWayIsRefusedAndNothingIsWrittenOutside) {
  stdfs::create_directories(path("cache/a"));
  stdfs::create_directories(path("outside"));
  stdfs::create_directory_symlink(path("outside"), path("cache/a/b"));
  auto root = Folder::open(path("cache"));
  ASSERT_TRUE(root);
  MadeFolders made;
  for (const char* rel : {"a/b", "a/b/c"}) {
    auto through = root->beneath(rel, "the model", &made);
    ASSERT_FALSE(through);
    EXPECT_EQ(through.error(),
              "cannot write the model: " + path("cache/a/b") + " is a symbolic link, never followed (remove it)");
  }
  EXPECT_TRUE(made.paths().empty());
  EXPECT_TRUE(stdfs::is_empty(path("outside")));
  // A file where a folder belongs is no folder either.
  write("cache/f", "x");
  auto file = root->beneath("f/g", "m", &made);
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error(), "cannot write m: " + path("cache/f") + " is a regular file, not a folder");
}

TEST_F(FolderTest, MissingIsToldApartWithoutCreating) {
  auto root = Folder::open(dir_);
  ASSERT_TRUE(root);
  bool missing = false;
  EXPECT_FALSE(root->beneath("no/such", "x", nullptr, &missing));
  EXPECT_TRUE(missing);
  EXPECT_FALSE(stdfs::exists(path("no")));
}

TEST_F(FolderTest, TheRootItselfMayBeALink) {
  stdfs::create_directories(path("real/hub"));
  stdfs::create_directory_symlink(path("real"), path("linked"));
  auto root = Folder::open(path("linked/hub"));
  ASSERT_TRUE(root) << root.error();
  auto real = root->real_path();
  ASSERT_TRUE(real);
  EXPECT_EQ(*real, stdfs::canonical(path("real/hub")).string());
}

TEST_F(FolderTest, AFileOrTempNameThatIsALinkIsNeverFollowed) {
  write("outside.txt", "secret");
  stdfs::create_directories(path("cache"));
  stdfs::create_symlink(path("outside.txt"), path("cache/m.onnx"));
  auto root = Folder::open(path("cache"));
  ASSERT_TRUE(root);
  auto file = AtomicFile::create_in(*root, "m.onnx");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error(),
            "cannot write " + path("cache/m.onnx") + ": it is a symbolic link, and only a regular file is replaced");
  EXPECT_EQ(slurp(path("outside.txt")), "secret");
  // Beside the link, a file is written as usual.
  ASSERT_TRUE(write_file_atomically_in(*root, "n.onnx", "model"));
  EXPECT_EQ(slurp(path("cache/n.onnx")), "model");
}

TEST_F(FolderTest, RemoveTakesLinksNotWhatTheyPointTo) {
  write("outside/keep.txt", "keep");
  write("cache/d/inner/f", "x");
  stdfs::create_directory_symlink(path("outside"), path("cache/d/link"));
  auto root = Folder::open(path("cache"));
  ASSERT_TRUE(root);
  ASSERT_TRUE(root->remove("d"));
  EXPECT_FALSE(stdfs::exists(path("cache/d")));
  EXPECT_EQ(slurp(path("outside/keep.txt")), "keep");
  EXPECT_TRUE(root->remove("never-there"));
}

TEST_F(FolderTest, RemoveEmptyTakesBackOnlyWhatIsStillEmpty) {
  MadeFolders made;
  auto root = Folder::open(path("c"), &made);
  ASSERT_TRUE(root);
  ASSERT_TRUE(root->beneath("a/b", "x", &made));
  ASSERT_TRUE(root->beneath("e/f", "x", &made));
  write("c/a/kept.txt", "x");
  made.remove_empty();
  EXPECT_EQ(list("c"), (std::vector<std::string>{"a"}));
  EXPECT_EQ(list("c/a"), (std::vector<std::string>{"kept.txt"}));
}

TEST_F(FolderTest, AFolderRenamedInByAnotherWriterIsKept) {
  auto root = Folder::open(dir_);
  ASSERT_TRUE(root);
  auto ours = AtomicFolder::create_in(*root, "data");
  ASSERT_TRUE(ours);
  std::ofstream(ours->path() + "/ours.txt") << "ours";
  write("data/theirs.txt", "theirs");  // the winner, placed while we unpacked
  ASSERT_TRUE(ours->commit(true));
  EXPECT_EQ(list(), (std::vector<std::string>{"data"}));
  EXPECT_EQ(list("data"), (std::vector<std::string>{"theirs.txt"}));
}

}  // namespace
}  // namespace ohm::fs
