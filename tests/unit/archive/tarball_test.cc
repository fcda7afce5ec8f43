#include "archive/tarball.h"

#include <gtest/gtest.h>

#include "hash/sha256.h"
#include "tar_builder.h"

namespace ohm::archive {
namespace {

using testing::build_tar_gz;
using testing::dir;
using testing::file;
using testing::hardlink;
using testing::special;
using testing::symlink;
using testing::TarEntry;

Listing read(const std::string& bytes, ReadOptions options = {}) {
  Result<Listing> listing = read_tarball(stream_bytes(bytes), options);
  EXPECT_TRUE(listing.ok()) << listing.error();
  return listing.ok() ? *listing : Listing{};
}

std::string big_content(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 7919) % 251);
  return s;
}

TEST(Tarball, ListsAModelArchive) {
  std::string model = big_content(300000);  // spans many chunks of the bridge
  std::string bytes =
      build_tar_gz({dir("mnist/"), file("mnist/model.onnx", model), dir("mnist/test_data_set_0/"),
                    file("mnist/test_data_set_0/input_0.pb", "abc"), file("mnist/test_data_set_1/output_0.pb", "de")});
  std::string fed;
  ReadOptions options;
  options.model_sink = [&](const EntryInfo&) {
    return [&](std::string_view chunk) {
      fed.append(chunk);
      return true;
    };
  };
  Listing listing = read(bytes, options);
  EXPECT_TRUE(listing.safe()) << listing.damage;
  EXPECT_EQ(listing.entries.size(), 5u);
  EXPECT_EQ(listing.models, std::vector<std::string>{"mnist/model.onnx"});
  EXPECT_EQ(listing.test_data_sets, (std::vector<std::string>{"mnist/test_data_set_0", "mnist/test_data_set_1"}));
  EXPECT_EQ(listing.unpacked_bytes, model.size() + 5);
  EXPECT_EQ(listing.sha256, hash::sha256_hex(bytes));
  EXPECT_EQ(listing.bytes, bytes.size());
  EXPECT_EQ(fed, model);
  EXPECT_EQ(listing.entries[1].sha256, hash::sha256_hex(model));
  Diagnostics diags;
  report_listing(listing, "m.tar.gz", diags);
  EXPECT_EQ(diags.all().size(), 0u);
}

TEST(Tarball, ModelSinkMayStopEarly) {
  std::string model = big_content(200000);
  std::string bytes = build_tar_gz({file("m/a.onnx", model)});
  ReadOptions options;
  options.model_sink = [](const EntryInfo&) { return [](std::string_view) { return false; }; };
  Listing listing = read(bytes, options);
  EXPECT_EQ(listing.entries.at(0).sha256, hash::sha256_hex(model));
  EXPECT_EQ(listing.sha256, hash::sha256_hex(bytes));
}

struct HostileCase {
  const char* name;
  std::vector<TarEntry> entries;
  UnsafeKind kind;
};

TEST(Tarball, FlagsEveryUnsafeKind) {
  std::vector<HostileCase> cases = {
      {"absolute", {file("/etc/passwd", "x")}, UnsafeKind::kAbsolutePath},
      {"dotdot", {file("../x", "x")}, UnsafeKind::kDotDot},
      {"inner dotdot", {file("a/../../x", "x")}, UnsafeKind::kDotDot},
      {"symlink out", {symlink("m/l", "../../etc/shadow")}, UnsafeKind::kLinkOutside},
      {"symlink abs", {symlink("m/l", "/etc/shadow")}, UnsafeKind::kLinkOutside},
      {"hardlink out", {hardlink("m/h", "/etc/shadow")}, UnsafeKind::kLinkOutside},
      {"hardlink dotdot", {hardlink("m/h", "../x")}, UnsafeKind::kLinkOutside},
      {"hardlink missing", {hardlink("m/h", "m/nothing")}, UnsafeKind::kLinkOutside},
      {"char device", {special("m/zero", AE_IFCHR)}, UnsafeKind::kSpecialFile},
      {"block device", {special("m/sda", AE_IFBLK)}, UnsafeKind::kSpecialFile},
      {"fifo", {special("m/fifo", AE_IFIFO)}, UnsafeKind::kSpecialFile},
      {"through link", {symlink("m/l", "sub"), file("m/l/x", "x")}, UnsafeKind::kLinkOutside},
      {"link later", {file("m/l/x", "x"), symlink("m/l", ".")}, UnsafeKind::kLinkOutside},
      {"chained links", {symlink("x", "."), symlink("y", "x/..")}, UnsafeKind::kLinkOutside},
  };
  for (const HostileCase& c : cases) {
    Listing listing = read(build_tar_gz(c.entries));
    ASSERT_EQ(listing.unsafe.size(), 1u) << c.name;
    EXPECT_EQ(listing.unsafe[0].kind, c.kind) << c.name;
    EXPECT_FALSE(listing.safe()) << c.name;
    Diagnostics diags;
    report_listing(listing, "bad.tar.gz", diags);
    EXPECT_EQ(diags.error_count(), 1u) << c.name;
  }
}

TEST(Tarball, SafeLinksInsideAreAccepted) {
  Listing listing = read(build_tar_gz(
      {file("m/model.onnx", "x"), symlink("m/alias.onnx", "model.onnx"), hardlink("m/hard.onnx", "m/model.onnx")}));
  EXPECT_TRUE(listing.safe());
  EXPECT_EQ(listing.models.size(), 1u);
}

TEST(Tarball, EnforcesEntryLimit) {
  std::vector<TarEntry> entries;
  for (int i = 0; i < 20; ++i) entries.push_back(file("m/f" + std::to_string(i), "x"));
  ReadOptions options;
  options.limits.max_entries = 10;
  Listing listing = read(build_tar_gz(entries), options);
  ASSERT_EQ(listing.unsafe.size(), 1u);
  EXPECT_EQ(listing.unsafe[0].kind, UnsafeKind::kTooManyEntries);
  EXPECT_EQ(listing.entries.size(), 10u);
}

TEST(Tarball, EnforcesByteLimitFromHeaders) {
  ReadOptions options;
  options.limits.max_unpacked_bytes = 1000;
  Listing listing =
      read(build_tar_gz({file("m/a", std::string(600, 'a')), file("m/b", std::string(600, 'b'))}), options);
  ASSERT_EQ(listing.unsafe.size(), 1u);
  EXPECT_EQ(listing.unsafe[0].kind, UnsafeKind::kTooManyBytes);
}

TEST(Tarball, ReportsDamage) {
  Listing garbage = read("this is not a tarball at all");
  EXPECT_FALSE(garbage.damage.empty());
  Listing empty = read("");
  EXPECT_FALSE(empty.damage.empty());
  std::string bytes = build_tar_gz({file("m/model.onnx", big_content(100000))});
  Listing truncated = read(bytes.substr(0, bytes.size() / 2));
  EXPECT_FALSE(truncated.damage.empty());
  EXPECT_EQ(truncated.sha256, hash::sha256_hex(bytes.substr(0, bytes.size() / 2)));
  Diagnostics diags;
  report_listing(truncated, "t.tar.gz", diags);
  EXPECT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.all()[0].code, "archive.damaged");
}

TEST(Tarball, TruncatedAtEveryOffsetNeverCrashes) {
  std::string bytes = build_tar_gz({file("m/model.onnx", big_content(3000)), file("m/test_data_set_0/in.pb", "x")});
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    Result<Listing> listing = read_tarball(stream_bytes(std::string_view(bytes).substr(0, n)), {});
    ASSERT_TRUE(listing.ok());
  }
}

TEST(Tarball, WarnsAboutModelCountAndTestData) {
  Listing listing = read(build_tar_gz({file("m/a.onnx", "x"), file("m/b.onnx", "y")}));
  Diagnostics diags;
  report_listing(listing, "m.tar.gz", diags);
  EXPECT_EQ(diags.error_count(), 0u);
  EXPECT_EQ(diags.warning_count(), 2u);
}

TEST(Tarball, StreamErrorsAreErrors) {
  Result<Listing> listing = read_tarball(stream_file("/nonexistent/x.tar.gz"), {});
  EXPECT_FALSE(listing.ok());
}

}  // namespace
}  // namespace ohm::archive
