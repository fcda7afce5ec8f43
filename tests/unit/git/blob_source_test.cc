// Commit and index sources: kinds, sizes, listing, missing blobs.
#include <filesystem>

#include "git/open_zoo.h"
#include "repo_fixture.h"

namespace ohm::git {
namespace {

using testing::RepoTest;

class BlobSourceTest : public RepoTest {
 protected:
  void SetUp() override {
    RepoTest::SetUp();
    init_repo();
    write("repo/zoo/README.md", "v1\n");
    write("repo/zoo/m/model.onnx", "model bytes v1");
    write("repo/outside.txt", "o\n");
    sh("ln -s ../outside.txt zoo/link && git add -A && git commit -qm one");
    write("repo/zoo/README.md", "v2\n");
    sh("git commit -qam two");
  }
  std::unique_ptr<zoo::Source> at(std::optional<std::string> rev, bool staged = false) {
    auto z = open_zoo({path("repo/zoo"), std::move(rev), staged});
    EXPECT_TRUE(z) << z.error();
    return z ? std::move(z->source) : nullptr;
  }
};

TEST_F(BlobSourceTest, ReadsAnyRevision) {
  EXPECT_EQ(*at("HEAD")->read("README.md", 100), "v2\n");
  EXPECT_EQ(*at("HEAD~1")->read("README.md", 100), "v1\n");
  EXPECT_EQ(*at("main^")->read("README.md", 100), "v1\n");
  EXPECT_EQ(at("HEAD")->describe().rfind("commit ", 0), 0u);
}

TEST_F(BlobSourceTest, KindsAndSizes) {
  for (auto& s : {at("HEAD"), at(std::nullopt, true)}) {
    EXPECT_EQ(s->stat("link").kind, fs::FileKind::kSymlink);
    EXPECT_EQ(s->stat("m").kind, fs::FileKind::kDirectory);
    EXPECT_EQ(s->stat("").kind, fs::FileKind::kDirectory);
    EXPECT_EQ(s->stat("nothing").kind, fs::FileKind::kMissing);
    fs::FileStatus model = s->stat("m/model.onnx");
    EXPECT_EQ(model.kind, fs::FileKind::kRegular);
    EXPECT_EQ(model.size, 14u);
    EXPECT_FALSE(s->read("link", 100));  // never followed
    EXPECT_FALSE(s->read("m", 100));
    EXPECT_FALSE(s->read("m/model.onnx", 4));  // over max_bytes
    std::string streamed;
    auto n = s->stream("m/model.onnx", [&](std::string_view c) {
      streamed += c;
      return true;
    });
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 14u);
    EXPECT_EQ(streamed, "model bytes v1");
    EXPECT_EQ(*s->list_files(), (std::vector<std::string>{"README.md", "link", "m/model.onnx"}));
    EXPECT_FALSE(s->disk_path("README.md"));
    EXPECT_EQ(s->git_dir().value(), path("repo/.git"));
  }
}

TEST_F(BlobSourceTest, MissingBlobIsAnErrorNotACrash) {
  // As in a partial clone: the tree names a blob the object database lacks.
  sh("obj=$(git rev-parse HEAD:zoo/m/model.onnx) && "
     "rm -f .git/objects/$(echo $obj | cut -c1-2)/$(echo $obj | cut -c3-)");
  auto s = at("HEAD");
  auto r = s->read("m/model.onnx", 100);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("not in the object database"), std::string::npos) << r.error();
  EXPECT_FALSE(s->stream("m/model.onnx", [](std::string_view) { return true; }));
}

TEST_F(BlobSourceTest, IndexSeesStagedNotUnstaged) {
  write("repo/zoo/README.md", "staged\n");
  sh("git add zoo/README.md");
  write("repo/zoo/README.md", "unstaged\n");
  write("repo/zoo/new.txt", "untracked\n");
  auto s = at(std::nullopt, true);
  EXPECT_EQ(s->describe(), "index");
  EXPECT_EQ(*s->read("README.md", 100), "staged\n");
  EXPECT_EQ(s->stat("new.txt").kind, fs::FileKind::kMissing);
}

}  // namespace
}  // namespace ohm::git
