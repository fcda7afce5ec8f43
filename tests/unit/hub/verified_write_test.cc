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
