// The work tree through git: ignore rules and clean LFS checkouts.
#include <filesystem>

#include "git/open_zoo.h"
#include "hash/sha256.h"
#include "repo_fixture.h"

namespace ohm::git {
namespace {

using testing::RepoTest;

class WorkTreeGitTest : public RepoTest {
 protected:
  std::unique_ptr<zoo::Source> work_tree(const std::string& dir = "repo") {
    auto z = open_zoo({path(dir), std::nullopt, false});
    EXPECT_TRUE(z) << z.error();
    return z ? std::move(z->source) : nullptr;
  }
};

TEST_F(WorkTreeGitTest, ListsWhatGitTracksOrWouldTrack) {
  init_repo();
  write("repo/.gitignore", "build/\n*.tmp\n");
  write("repo/README.md", "r\n");
  write("repo/forced.tmp", "tracked though ignored\n");
  sh("git add -A && git add -f forced.tmp && git commit -qm one");
  write("repo/build/README.md", "ignored folder\n");
  write("repo/x.tmp", "ignored file\n");
  write("repo/new/README.md", "untracked, not ignored\n");
  auto s = work_tree();
  EXPECT_EQ(*s->list_files(), (std::vector<std::string>{".gitignore", "README.md", "forced.tmp", "new/README.md"}));
  EXPECT_EQ(s->disk_path("README.md").value(), path("repo/README.md"));
  EXPECT_EQ(s->git_dir().value(), path("repo/.git"));
}

TEST_F(WorkTreeGitTest, IgnoreRulesApplyUnderAPrefix) {
  init_repo();
  write("repo/.gitignore", "samples/skip/\n");
  write("repo/samples/README.md", "r\n");
  sh("git add -A && git commit -qm one");
  write("repo/samples/skip/README.md", "ignored\n");
  EXPECT_EQ(*work_tree("repo/samples")->list_files(), std::vector<std::string>{"README.md"});
}

TEST_F(WorkTreeGitTest, CleanLfsCheckoutGivesTheIndexPointer) {
  init_repo();
  sh("git lfs install --local && git lfs track '*.onnx'");
  std::string content(5000, 'x');
  write("repo/m/model.onnx", content);
  write("repo/m/plain.bin", content);
  sh("git add -A && git commit -qm one");
  // Let the index be written strictly after the files (no racily clean entries).
  sh("sleep 0.01 && touch -d '2020-01-01' m/model.onnx m/plain.bin && git update-index --refresh");
  auto s = work_tree();
  auto p = s->clean_lfs_pointer("m/model.onnx");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->size, content.size());
  EXPECT_EQ(p->oid, hash::sha256_hex(content));
  EXPECT_FALSE(s->clean_lfs_pointer("m/plain.bin"));  // not a pointer in the index
  EXPECT_FALSE(s->clean_lfs_pointer("m/none.onnx"));

  // Any change of stat data means the file must be read again.
  write("repo/m/model.onnx", std::string(5000, 'y'));
  EXPECT_FALSE(work_tree()->clean_lfs_pointer("m/model.onnx"));
}

TEST_F(WorkTreeGitTest, RacilyCleanEntryIsNotTrusted) {
  init_repo();
  sh("git lfs install --local && git lfs track '*.onnx'");
  write("repo/model.onnx", std::string(3000, 'z'));
  sh("git add -A && git commit -qm one");
  // File mtime in the future of the index: git itself would re-check the content.
  sh("touch -d '2100-01-01' model.onnx");
  EXPECT_FALSE(work_tree()->clean_lfs_pointer("model.onnx"));
}

}  // namespace
}  // namespace ohm::git
