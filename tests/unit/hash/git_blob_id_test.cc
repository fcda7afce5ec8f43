// git's blob ids (`git hash-object`), computed from the bytes.
#include "hash/git_blob_id.h"

#include <gtest/gtest.h>

#include <string>

namespace ohm::hash {
namespace {

TEST(GitBlobId, IsWhatGitHashObjectSays) {
  // printf '' | git hash-object --stdin, and the same for "hello\n" and a NUL.
  EXPECT_EQ(git_blob_id(""), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  EXPECT_EQ(git_blob_id("hello\n"), "ce013625030ba8dba906f756967f9e9ca394464a");
  EXPECT_EQ(git_blob_id(std::string("a\0b", 3)), "20b5be91886d0b6f26dc98a225c0dac05fe2c86e");
}

}  // namespace
}  // namespace ohm::hash
