#include "hub/verified_write.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "hash/sha256.h"
#include "temp_dir.h"

namespace ohm::hub {
namespace {

namespace stdfs = std::filesystem;

class VerifiedWriteTest : public testkit::TempDirTest {
 protected:
  std::size_t file_count() const { return list().size(); }
  Producer bytes(std::string s) {
    return [s](const fs::ChunkSink& sink) -> Result<std::uint64_t> {
      sink(std::string_view(s).substr(0, s.size() / 2));
      sink(std::string_view(s).substr(s.size() / 2));
      return static_cast<std::uint64_t>(s.size());
    };
  }
};

TEST_F(VerifiedWriteTest, WritesOnMatch) {
  std::string dest = path("f");
  auto done = write_verified(dest, {hash::sha256_hex("hello"), 5}, "f", bytes("hello"));
  ASSERT_TRUE(done.ok()) << done.failure().message;
  EXPECT_TRUE(file_matches(dest, {hash::sha256_hex("hello"), 5}));
  EXPECT_FALSE(file_matches(dest, {hash::sha256_hex("other"), 5}));
  EXPECT_EQ(file_count(), 1u);
}

TEST_F(VerifiedWriteTest, MismatchLeavesNothing) {
  std::string dest = path("f");
  auto wrong = write_verified(dest, {hash::sha256_hex("hello"), std::nullopt}, "f", bytes("HELLO"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.failure().kind, ErrorKind::kProblem);
  EXPECT_EQ(wrong.failure().code, "hub.sha-mismatch");
  auto longer = write_verified(dest, {hash::sha256_hex("hello"), 5}, "f", bytes("hello world"));
  ASSERT_FALSE(longer.ok());
  EXPECT_EQ(file_count(), 0u);
}

// Found by fuzz_http: the right sha256 but fewer bytes than the manifest gives.
TEST_F(VerifiedWriteTest, ShorterThanTheManifestSaysLeavesNothing) {
  std::string dest = path("f");
  auto shorter = write_verified(dest, {hash::sha256_hex("hello"), 22}, "f", bytes("hello"));
  ASSERT_FALSE(shorter.ok());
  EXPECT_EQ(shorter.failure().code, "hub.sha-mismatch");
  EXPECT_EQ(shorter.failure().message,
            "f has the manifest's sha256 but 5 bytes, the manifest gives 22; nothing was written");
  EXPECT_EQ(file_count(), 0u);
}

TEST_F(VerifiedWriteTest, APointerInPlaceOfTheContentIsNamed) {
  const std::string content(3000, 'm');
  const std::string oid = hash::sha256_hex(content);
  const std::string pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:" + oid + "\nsize 3000\n";
  std::string dest = path("f");
  auto served = write_verified(dest, {oid, 3000}, "https://hub.example/m.onnx", bytes(pointer));
  ASSERT_FALSE(served.ok());
  EXPECT_EQ(served.failure().code, "hub.pointer-served");
  EXPECT_NE(served.failure().message.find(
                "https://hub.example/m.onnx is a Git LFS pointer (to the manifest's sha256, 3000 bytes)"),
            std::string::npos)
      << served.failure().message;
  EXPECT_EQ(file_count(), 0u);
  // Smaller than the pointer: the pointer is still read whole, and named.
  auto tiny = write_verified(dest, {hash::sha256_hex("tiny"), 4}, "u", bytes(pointer));
  ASSERT_FALSE(tiny.ok());
  EXPECT_EQ(tiny.failure().code, "hub.pointer-served");
  EXPECT_NE(tiny.failure().message.find("to " + oid), std::string::npos);
  // A pointer that is the content the manifest names is just content.
  auto itself = write_verified(dest, {hash::sha256_hex(pointer), pointer.size()}, "u", bytes(pointer));
  EXPECT_TRUE(itself.ok()) << itself.failure().message;
}

TEST_F(VerifiedWriteTest, FailedStreamLeavesNothingAndKeepsItsKind) {
  std::string dest = path("f");
  auto failed =
      write_verified(dest, {hash::sha256_hex("x"), 100}, "f", [](const fs::ChunkSink& sink) -> Result<std::uint64_t> {
        sink("partial");
        return cannot_run("connection reset");
      });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.failure().kind, ErrorKind::kCannotRun);
  EXPECT_EQ(file_count(), 0u);
}

TEST_F(VerifiedWriteTest, UnwritableFolder) {
  auto failed = write_verified(path("no/such/f"), {hash::sha256_hex("x"), 1}, "f", bytes("x"));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.failure().kind, ErrorKind::kCannotRun);
}

}  // namespace
}  // namespace ohm::hub
