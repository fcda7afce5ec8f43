// Commit and index sources: kinds, sizes, listing, missing blobs, object
// ids, reads from many threads at once.
#include <filesystem>
#include <thread>

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

TEST_F(BlobSourceTest, TheSameBlobHasTheSameObjectIdInTheIndexAndACommit) {
  auto head = at("HEAD");
  auto index = at(std::nullopt, true);
  sh("git rev-parse HEAD:zoo/README.md > ../id.txt");
  const std::string readme_id = testkit::slurp(path("id.txt")).substr(0, 40);
  EXPECT_EQ(head->object_id("README.md").value(), readme_id);
  EXPECT_EQ(index->object_id("README.md").value(), readme_id);
  EXPECT_NE(at("HEAD~1")->object_id("README.md").value(), readme_id);
  for (const char* not_a_file : {"link", "m", "nothing"}) EXPECT_FALSE(head->object_id(not_a_file)) << not_a_file;
  write("repo/zoo/README.md", "v3\n");
  sh("git add zoo/README.md");
  EXPECT_NE(at(std::nullopt, true)->object_id("README.md").value(), readme_id);
  EXPECT_FALSE(open_zoo({path("repo/zoo"), std::nullopt, false})->source->object_id("README.md"));  // a work tree
}

// A blob is read whole, loose (one of 1 MiB or more inflated straight into
// the string, in many chunks) or packed (and then a delta of another): the
// bytes committed.
TEST_F(BlobSourceTest, LooseAndPackedBlobsReadAsTheirCommittedBytes) {
  std::string big;
  for (int i = 0; big.size() < (1u << 20) + 50000; ++i) big += "line " + std::to_string(i * 7919 % 100003) + "\n";
  write("repo/zoo/big.json", big);
  sh("git add -A && git commit -qm big");
  // Compared whole, not shown whole when they differ (a megabyte).
  auto reads_as = [&](std::optional<std::string> rev, bool staged, const std::string& want) {
    auto got = at(std::move(rev), staged)->read("big.json", want.size());
    return got && *got == want;
  };
  EXPECT_TRUE(reads_as("HEAD", false, big));  // loose
  EXPECT_FALSE(at("HEAD")->read("big.json", big.size() - 1));
  std::string edited = big;
  edited.replace(600000, 4, "LINE");
  write("repo/zoo/big.json", edited);
  sh("git commit -qam edited && git gc -q");
  EXPECT_TRUE(reads_as("HEAD", false, edited));  // packed, one a delta of the other
  EXPECT_TRUE(reads_as("HEAD~1", false, big));
  EXPECT_TRUE(reads_as(std::nullopt, true, edited));
}

TEST_F(BlobSourceTest, BlobsReadOnManyThreadsAtOnceAreTheCommittedBytes) {
  // Blobs are read from the object database without the repository's lock;
  // four threads read every file of a packed and a loose commit at once.
  constexpr int kFiles = 64;
  for (int i = 0; i < kFiles; ++i)
    write("repo/zoo/f/" + std::to_string(i) + ".txt", std::string(100 + i, 'a' + i % 26));
  sh("git add -A && git commit -qm files && git gc -q");
  for (int i = 0; i < kFiles; i += 2) write("repo/zoo/f/" + std::to_string(i) + ".txt", "loose " + std::to_string(i));
  sh("git commit -qam loose");
  for (auto& s : {at("HEAD"), at("HEAD~1"), at(std::nullopt, true)}) {
    std::vector<std::string> expected(kFiles);
    for (int i = 0; i < kFiles; ++i) expected[i] = *s->read("f/" + std::to_string(i) + ".txt", 1000);
    std::vector<int> wrong(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int round = 0; round < 20; ++round) {
          for (int i = 0; i < kFiles; ++i) {
            const std::string rel = "f/" + std::to_string((i + t * 7) % kFiles) + ".txt";
            auto r = s->read(rel, 1000);
            if (!r || *r != expected[(i + t * 7) % kFiles] || s->stat(rel).size != r->size()) ++wrong[t];
          }
        }
      });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(wrong, std::vector<int>(4, 0)) << s->describe();
  }
}

}  // namespace
}  // namespace ohm::git
