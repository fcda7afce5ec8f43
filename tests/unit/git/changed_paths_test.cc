#include <fstream>

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

// The work tree's own changes are found by a stat of each file beside its
// folder's handle, and libgit2 reads only the files that does not settle: the
// paths are what libgit2's whole work-tree diff (untracked files recursed)
// gives, which `git status` agrees with.
TEST_F(ChangedPathsTest, WorkTreeChangesAreWhatGitSees) {
  write("repo/zoo/.gitignore", "*.log\nbuild/\n");
  write("repo/zoo/e/README.md", "e\n");
  write("repo/zoo/f/inner/model.onnx", "ffffffff");
  for (const char* kept : {"g/one.onnx", "g/two/three.onnx", "g-x/m.onnx", "g0/m.onnx", "gg/m.onnx"})
    write(std::string("repo/zoo/") + kept, kept);
  sh("git add -A && git commit -qm more");
  write("repo/zoo/a/model.onnx", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");  // same size, new bytes
  sh("touch -d '2001-01-01' zoo/b/model.onnx");                                // new times, same bytes
  sh("rm zoo/c/model.onnx && chmod +x zoo/e/README.md");                       // gone; mode changed
  write("repo/zoo/a/notes.txt", "untracked\n");
  write("repo/zoo/a/run.log", "ignored\n");
  write("repo/zoo/new/deep/model.onnx", "untracked folder\n");
  write("repo/zoo/build/out.onnx", "ignored folder\n");
  sh("git init -q zoo/nested && touch zoo/nested/x");                           // a repository inside
  sh("mv zoo/f zoo/f.real && ln -s f.real zoo/f");                             // a folder now a link
  sh("rm -r zoo/g");  // a folder gone, beside others whose names begin alike
  const Paths want{"a/model.onnx", "a/notes.txt", "c/model.onnx", "e/README.md", "f", "f.real/inner/model.onnx",
                   "f/inner/model.onnx", "g/one.onnx", "g/two/three.onnx", "nested/", "new/deep/model.onnx"};
  EXPECT_EQ(changes(std::nullopt, false).paths, want);
  // Every entry racily clean (the index older than every file): each is read,
  // and the same paths come out.
  sh("touch -d '2000-01-01' .git/index");
  EXPECT_EQ(changes(std::nullopt, false).paths, want);
  // git itself sees the same (without the zoo prefix, and a link as itself).
  sh("git status --porcelain -uall --no-renames zoo | cut -c4- | sed 's|^zoo/||' | sort > ../status.txt");
  std::ifstream status(path("status.txt"));
  Paths seen;
  for (std::string line; std::getline(status, line);) seen.push_back(line);
  EXPECT_EQ(seen, want);
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
