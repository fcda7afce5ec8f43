#include "zoo/lfs_pointer.h"

#include <gtest/gtest.h>

namespace ohm::zoo {
namespace {

const std::string kOid = "a4b41071a9fd8fd5591d74d6c7e3a850feaf161f7289148a3b845c84f75c55e0";

std::string pointer(const std::string& version, const std::string& oid, const std::string& size) {
  return "version " + version + "\noid " + oid + "\nsize " + size + "\n";
}

TEST(LfsPointer, Valid) {
  auto p = parse_lfs_pointer(pointer("https://git-lfs.github.com/spec/v1", "sha256:" + kOid, "548227537"));
  ASSERT_EQ(p.status, PointerStatus::kPointer);
  EXPECT_EQ(p.pointer.oid, kOid);
  EXPECT_EQ(p.pointer.size, 548227537u);
}

TEST(LfsPointer, ExtraKeysAllowedInOrder) {
  auto p = parse_lfs_pointer("version https://git-lfs.github.com/spec/v1\next-0-foo sha256:" + kOid +
                             "\noid sha256:" + kOid + "\nsize 3\n");
  EXPECT_EQ(p.status, PointerStatus::kPointer);
}

TEST(LfsPointer, RealContentIsNotAPointer) {
  EXPECT_EQ(parse_lfs_pointer("\x08\x07\x12\x04onnx").status, PointerStatus::kNotPointer);
  EXPECT_EQ(parse_lfs_pointer("").status, PointerStatus::kNotPointer);
  EXPECT_EQ(parse_lfs_pointer(std::string(2000, 'v')).status, PointerStatus::kNotPointer);
}

TEST(LfsPointer, WrongVersionLine) {
  auto p = parse_lfs_pointer(pointer("https://example.org/spec/v9", "sha256:" + kOid, "1"));
  EXPECT_EQ(p.status, PointerStatus::kMalformed);
  EXPECT_NE(p.problem.find("version"), std::string::npos);
}

TEST(LfsPointer, BadOid) {
  for (std::string oid : {"sha256:" + kOid.substr(1), "sha1:" + kOid, "sha256:" + std::string(64, 'G'),
                          "sha256:" + std::string(64, 'A')}) {
    EXPECT_EQ(parse_lfs_pointer(pointer("https://git-lfs.github.com/spec/v1", oid, "1")).status,
              PointerStatus::kMalformed)
        << oid;
  }
}

TEST(LfsPointer, MissingNegativeOrHugeSize) {
  const std::string v = "https://git-lfs.github.com/spec/v1";
  for (std::string size : {"-1", "", "12a", "99999999999999999999999", "1e9", "+5", "007"}) {
    EXPECT_EQ(parse_lfs_pointer(pointer(v, "sha256:" + kOid, size)).status, PointerStatus::kMalformed) << size;
  }
  EXPECT_EQ(parse_lfs_pointer("version " + v + "\noid sha256:" + kOid + "\n").status, PointerStatus::kMalformed);
  EXPECT_EQ(parse_lfs_pointer("version " + v + "\nsize 5\n").status, PointerStatus::kMalformed);
}

TEST(LfsPointer, NoFinalNewlineOrUnsortedKeys) {
  const std::string v = "https://git-lfs.github.com/spec/v1";
  std::string p = pointer(v, "sha256:" + kOid, "5");
  EXPECT_EQ(parse_lfs_pointer(p.substr(0, p.size() - 1)).status, PointerStatus::kMalformed);
  EXPECT_EQ(parse_lfs_pointer("version " + v + "\nsize 5\noid sha256:" + kOid + "\n").status,
            PointerStatus::kMalformed);
}

TEST(LfsPointer, StorePath) { EXPECT_EQ(lfs_store_path("/r/.git", kOid), "/r/.git/lfs/objects/a4/b4/" + kOid); }

}  // namespace
}  // namespace ohm::zoo
