// What a linked file is (SPEC 4): content, LFS pointer, clean checkout, store
// object, and the refusals, on an in-memory zoo.
#include "zoo/artifact.h"

#include <gtest/gtest.h>

#include "core/checks.h"
#include "hash/sha256.h"
#include "zoo/counting_source.h"
#include "zoo/memory_source.h"
#include "zoo_fixture.h"

namespace ohm::zoo {
namespace {

using testkit::pointer_for;

// Collects what read_artifact streams; `want` answers ContentRequest::wanted.
struct Collector {
  std::string bytes;
  bool want = true;
  ContentRequest request() {
    return {[this](std::string_view c) {
              bytes += c;
              return true;
            },
            [this](const std::string&) { return want; }};
  }
};

const std::string kModel(3000, 'm');  // larger than any pointer

TEST(Artifact, ContentIsHashedAndStreamedInOnePass) {
  MemorySource zoo;
  zoo.file("m.onnx", kModel);
  CountingSource counted(zoo);
  Collector got;
  ContentRequest r = got.request();
  auto info = read_artifact(counted, "m.onnx", &r);
  ASSERT_TRUE(info) << info.error();
  EXPECT_EQ(info->sha, hash::sha256_hex(kModel));
  EXPECT_EQ(info->bytes, kModel.size());
  EXPECT_TRUE(info->content_streamed);
  EXPECT_FALSE(info->is_pointer);
  EXPECT_EQ(got.bytes, kModel);
  EXPECT_EQ(counted.bytes_read(), kModel.size());  // read once
}

TEST(Artifact, PointerGivesShaAndSizeAndItsStoreObjectWhenWanted) {
  MemorySource zoo;
  zoo.file("m.onnx", pointer_for(kModel)).lfs_object(kModel);
  auto bare = read_artifact(zoo, "m.onnx", nullptr);
  ASSERT_TRUE(bare);
  EXPECT_TRUE(bare->is_pointer);
  EXPECT_EQ(bare->sha, hash::sha256_hex(kModel));
  EXPECT_EQ(bare->bytes, kModel.size());
  EXPECT_FALSE(bare->content_streamed);

  Collector got;
  ContentRequest r = got.request();
  auto info = read_artifact(zoo, "m.onnx", &r);
  ASSERT_TRUE(info);
  EXPECT_TRUE(info->content_streamed);
  EXPECT_EQ(got.bytes, kModel);

  Collector unwanted;
  unwanted.want = false;  // ports known by sha: the store is not read
  ContentRequest u = unwanted.request();
  auto skipped = read_artifact(zoo, "m.onnx", &u);
  ASSERT_TRUE(skipped);
  EXPECT_FALSE(skipped->content_streamed);
  EXPECT_TRUE(unwanted.bytes.empty());
}

TEST(Artifact, PointerWithoutStoreObjectSaysWhy) {
  MemorySource zoo;
  zoo.file("m.onnx", pointer_for(kModel));
  Collector got;
  ContentRequest r = got.request();
  auto info = read_artifact(zoo, "m.onnx", &r);
  ASSERT_TRUE(info);
  EXPECT_FALSE(info->content_streamed);
  ASSERT_TRUE(info->content_error);
  EXPECT_EQ(info->content_error->code, kLfsAbsent);
}

TEST(Artifact, CleanCheckoutIsNotRead) {
  MemorySource zoo;
  zoo.file("m.onnx", kModel).clean_pointer("m.onnx", {hash::sha256_hex(kModel), kModel.size()});
  CountingSource counted(zoo);
  Collector got;
  got.want = false;
  ContentRequest r = got.request();
  auto info = read_artifact(counted, "m.onnx", &r);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->sha, hash::sha256_hex(kModel));
  EXPECT_EQ(counted.bytes_read(), 0u);
  got.want = true;  // wanted: the checkout's content is read after all
  auto read = read_artifact(counted, "m.onnx", &r);
  ASSERT_TRUE(read);
  EXPECT_TRUE(read->content_streamed);
  EXPECT_EQ(counted.bytes_read(), kModel.size());
}

// SPEC 4 for content of pointer size too: the file is read (cheaper than
// the index's blob), but an unmodified checkout's sha and size still come
// from the index's pointer, and its content is not streamed unless wanted.
TEST(Artifact, SmallCleanCheckoutTakesTheIndexPointer) {
  const std::string tiny = "tiny model bytes";
  const LfsPointer indexed{std::string(64, 'c'), 777};
  MemorySource zoo;
  zoo.file("tiny.onnx", tiny).clean_pointer("tiny.onnx", indexed);
  Collector got;
  got.want = false;
  ContentRequest r = got.request();
  auto info = read_artifact(zoo, "tiny.onnx", &r);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->sha, indexed.oid);
  EXPECT_EQ(info->bytes, indexed.size);
  EXPECT_TRUE(info->is_pointer);
  EXPECT_FALSE(info->content_streamed);
  EXPECT_EQ(got.bytes, "");
}

TEST(Artifact, SmallRealContentIsNotAPointer) {
  MemorySource zoo;
  zoo.file("tiny.onnx", "not a pointer");
  Collector got;
  ContentRequest r = got.request();
  auto info = read_artifact(zoo, "tiny.onnx", &r);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->sha, hash::sha256_hex("not a pointer"));
  EXPECT_EQ(got.bytes, "not a pointer");
}

TEST(Artifact, RefusalsAreProblemsWithTheirCheckIds) {
  MemorySource zoo;
  zoo.symlink("link.onnx").special("fifo.onnx").folder("dir.onnx");
  zoo.file("bad.onnx", "version https://git-lfs.github.com/spec/v1\noid sha256:xyz\nsize 1\n");
  auto code_of = [&](const std::string& rel) { return read_artifact(zoo, rel, nullptr).failure().code; };
  EXPECT_EQ(code_of("missing.onnx"), check::kArtifactMissing);
  EXPECT_EQ(code_of("link.onnx"), check::kArtifactNotRegular);
  EXPECT_EQ(code_of("fifo.onnx"), check::kArtifactNotRegular);
  EXPECT_EQ(code_of("dir.onnx"), check::kArtifactNotRegular);
  EXPECT_EQ(code_of("bad.onnx"), check::kArtifactPointerMalformed);
  EXPECT_EQ(read_artifact(zoo, "missing.onnx", nullptr).failure().kind, ErrorKind::kProblem);
}

// A zoo that counts how often each file is looked at.
struct LookCounting : MemorySource {
  mutable int looks = 0;
  fs::FileStatus stat(const std::string& rel) const override {
    ++looks;
    return MemorySource::stat(rel);
  }
};

// What the run saw as it planned its rows is not asked again; the read still
// refuses what is not a regular file now.
TEST(Artifact, AFileLookedAtAlreadyIsNotLookedAtAgainAndTheReadStillRefuses) {
  LookCounting zoo;
  zoo.file("m.onnx", kModel).file("p.onnx", pointer_for(kModel)).symlink("link.onnx");
  for (const char* rel : {"m.onnx", "p.onnx"}) {
    const fs::FileStatus seen = zoo.stat(rel);
    zoo.looks = 0;
    auto given = read_artifact(zoo, rel, nullptr, &seen);
    ASSERT_TRUE(given) << given.error();
    const int looks_given = zoo.looks;  // the read's own (the source checks what it opens)
    zoo.looks = 0;
    auto asked = read_artifact(zoo, rel, nullptr);
    ASSERT_TRUE(asked) << asked.error();
    EXPECT_EQ(zoo.looks, looks_given + 1) << rel;
    EXPECT_EQ(given->sha, asked->sha) << rel;
    EXPECT_EQ(given->bytes, asked->bytes) << rel;
  }
  const fs::FileStatus was_regular = zoo.stat("p.onnx");  // the link swapped in since
  auto read = read_artifact(zoo, "link.onnx", nullptr, &was_regular);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.failure().code, check::kArtifactUnreadable);
}

TEST(Artifact, PullHintNamesTheRepositoryPath) {
  MemorySource zoo;
  EXPECT_EQ(lfs_pull_hint(zoo, "a/m.onnx"), "git lfs pull --include=\"a/m.onnx\"");
  zoo.prefix("samples");
  EXPECT_EQ(lfs_pull_hint(zoo, "a/m.onnx"), "git lfs pull --include=\"samples/a/m.onnx\"");
}

}  // namespace
}  // namespace ohm::zoo
