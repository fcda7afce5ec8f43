#include "git/open_zoo.h"

#include <cstdlib>

#include "repo_fixture.h"

namespace ohm::git {
namespace {

using testing::RepoTest;

class OpenZooTest : public RepoTest {};

TEST_F(OpenZooTest, PlainFolderIsReadWithoutGit) {
  write("plain/README.md", "hi\n");
  auto z = open_zoo({path("plain"), std::nullopt, false});
  ASSERT_TRUE(z) << z.error();
  EXPECT_FALSE(z->in_repository);
  EXPECT_EQ(z->source->describe(), "working tree");
  EXPECT_EQ(*z->source->read("README.md", 100), "hi\n");
}

TEST_F(OpenZooTest, RevAndStagedNeedARepository) {
  write("plain/README.md", "hi\n");
  EXPECT_FALSE(open_zoo({path("plain"), std::string("HEAD"), false}));
  EXPECT_FALSE(open_zoo({path("plain"), std::nullopt, true}));
}

TEST_F(OpenZooTest, SubfolderIsTheZooPrefix) {
  init_repo();
  write("repo/samples/README.md", "zoo\n");
  write("repo/README.md", "project\n");
  sh("git add -A && git commit -qm one");
  for (auto rev : {std::optional<std::string>(), std::optional<std::string>("HEAD")}) {
    auto z = open_zoo({path("repo/samples"), rev, false});
    ASSERT_TRUE(z) << z.error();
    EXPECT_TRUE(z->in_repository);
    EXPECT_EQ(z->prefix, "samples");
    EXPECT_EQ(*z->source->read("README.md", 100), "zoo\n");
    EXPECT_EQ(*z->source->list_files(), std::vector<std::string>{"README.md"});
  }
}

TEST_F(OpenZooTest, UnknownRevisionAndMissingFolderFail) {
  init_repo();
  write("repo/a.txt", "a\n");
  sh("git add -A && git commit -qm one");
  write("repo/later/README.md", "x\n");
  auto bad = open_zoo({path("repo"), std::string("nope"), false});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("unknown revision nope"), std::string::npos) << bad.error();
  auto missing = open_zoo({path("repo/later"), std::string("HEAD"), false});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("later does not exist"), std::string::npos) << missing.error();
}

TEST_F(OpenZooTest, BareRepositoryNeedsRev) {
  init_repo();
  write("repo/README.md", "zoo\n");
  sh("git add -A && git commit -qm one && git clone -q --bare . ../bare.git");
  auto z = open_zoo({path("bare.git"), std::string("HEAD"), false});
  ASSERT_TRUE(z) << z.error();
  EXPECT_EQ(*z->source->read("README.md", 100), "zoo\n");
  EXPECT_EQ(z->source->git_dir().value(), path("bare.git"));
  EXPECT_FALSE(open_zoo({path("bare.git"), std::nullopt, false}));
  EXPECT_FALSE(open_zoo({path("bare.git"), std::nullopt, true}));
}

TEST_F(OpenZooTest, HonoursGitIndexFile) {
  init_repo();
  write("repo/README.md", "committed\n");
  sh("git add -A && git commit -qm one");
  write("repo/README.md", "other index\n");
  sh("GIT_INDEX_FILE=" + path("alt-index") + " git add README.md && git checkout -q README.md");
  ::setenv("GIT_INDEX_FILE", path("alt-index").c_str(), 1);
  auto z = open_zoo({path("repo"), std::nullopt, true});
  ::unsetenv("GIT_INDEX_FILE");
  ASSERT_TRUE(z) << z.error();
  EXPECT_EQ(*z->source->read("README.md", 100), "other index\n");
  auto normal = open_zoo({path("repo"), std::nullopt, true});
  EXPECT_EQ(*normal->source->read("README.md", 100), "committed\n");
}

TEST_F(OpenZooTest, HonoursGitDirWhenNoFolderIsGiven) {
  init_repo();
  write("repo/README.md", "zoo\n");
  sh("git add -A && git commit -qm one");
  ::setenv("GIT_DIR", path("repo/.git").c_str(), 1);
  auto z = open_zoo({"", std::string("HEAD"), false});
  ::unsetenv("GIT_DIR");
  ASSERT_TRUE(z) << z.error();
  EXPECT_EQ(*z->source->read("README.md", 100), "zoo\n");
}

}  // namespace
}  // namespace ohm::git
