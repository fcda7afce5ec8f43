#include "git/open_zoo.h"
#include "repo_fixture.h"

namespace ohm::git {
namespace {

using testing::RepoTest;
using Paths = std::vector<std::string>;
using zoo::ChangeSet;

class ChangedPathsTest : public RepoTest {
 protected:
  void SetUp() override {
    RepoTest::SetUp();
    init_repo();
    write("repo/zoo/README.md", "root\n");
    write("repo/zoo/a/model.onnx", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    write("repo/zoo/b/model.onnx", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    write("repo/zoo/c/model.onnx", "cccccccccccccccccccccccccccccccccccccccc");
    write("repo/other.txt", "outside\n");
    sh("git add -A && git commit -qm base");
  }
  ChangeSet changes(std::optional<std::string> rev, bool staged, const std::string& base = "HEAD") {
    auto c = changed_paths({path("repo/zoo"), std::move(rev), staged}, base);
    EXPECT_TRUE(c) << c.error();
    return c ? *c : ChangeSet{};
  }
};

TEST_F(ChangedPathsTest, TreeToTreeWithRenames) {
  write("repo/zoo/a/model.onnx", "changed");
  write("repo/zoo/d/model.onnx", "new");
  write("repo/other.txt", "changed outside\n");
  sh("git rm -q zoo/b/model.onnx && git mv zoo/c zoo/c2 && git add -A && git commit -qm next");
  ChangeSet c = changes("HEAD", false, "HEAD~1");
  EXPECT_EQ(c.paths, (Paths{"a/model.onnx", "b/model.onnx", "c/model.onnx", "c2/model.onnx", "d/model.onnx"}));
  EXPECT_FALSE(c.gitattributes_changed);
  EXPECT_TRUE(changes("HEAD", false, "HEAD").paths.empty());
}

TEST_F(ChangedPathsTest, IndexAndWorkTree) {
  write("repo/zoo/a/model.onnx", "staged");
  sh("git add zoo/a/model.onnx");
  write("repo/zoo/b/model.onnx", "unstaged");
  write("repo/zoo/new/README.md", "untracked\n");
  EXPECT_EQ(changes(std::nullopt, true).paths, (Paths{"a/model.onnx"}));
  EXPECT_EQ(changes(std::nullopt, false).paths, (Paths{"a/model.onnx", "b/model.onnx", "new/README.md"}));
}

TEST_F(ChangedPathsTest, GitattributesAnywhere) {
  write("repo/.gitattributes", "*.bin -text\n");
  sh("git add -A && git commit -qm attrs");
  ChangeSet c = changes("HEAD", false, "HEAD~1");
  EXPECT_TRUE(c.gitattributes_changed);
  EXPECT_TRUE(c.paths.empty()) << c.paths[0];  // outside the zoo
}

TEST_F(ChangedPathsTest, UnknownBaseFails) {
  EXPECT_FALSE(changed_paths({path("repo/zoo"), std::nullopt, false}, "nope"));
}

}  // namespace
}  // namespace ohm::git
