// The cache verbs in-process on a cache built in a temp folder: what list,
// verify (--fix) and prune (dry run, --older-than, --keep-manifest) choose.
#include "app/cache.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <ctime>
#include <filesystem>

#include "core/checks.h"
#include "hash/sha256.h"
#include "manifest/json_io.h"
#include "temp_dir.h"

namespace ohm::app {
namespace {

namespace stdfs = std::filesystem;

constexpr std::int64_t kDay = 86400;

class CacheAppTest : public testkit::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    now = static_cast<std::int64_t>(std::time(nullptr));
  }

  CacheRequest where() const { return CacheRequest{path("hub"), nullptr}; }

  // Caches `content` as `model_path` would be, placed `days` ago; returns its rel.
  std::string cache(const std::string& model_path, const std::string& content, int days) {
    const std::string folder = model_path.substr(0, model_path.rfind('/') + 1);
    const std::string rel = folder + hash::sha256_hex(content) + "_" + model_path.substr(folder.size());
    write("hub/" + rel, content);
    // Exactly `days` before `now`, whole seconds: a clock read here could be a
    // second past `now` and make 40 days 39.
    const timespec placed{static_cast<time_t>(now - days * kDay), 0};
    const timespec times[2] = {placed, placed};
    EXPECT_EQ(::utimensat(AT_FDCWD, path("hub/" + rel).c_str(), times, 0), 0);
    return rel;
  }

  std::vector<std::string> chosen(const CachePruneOutcome& out) const {
    std::vector<std::string> rels;
    for (const PruneChoice& c : out.chosen) rels.push_back(c.item.rel);
    return rels;
  }

  std::int64_t now = 0;
};

TEST_F(CacheAppTest, DirNamesTheFlagOrTheVariable) {
  auto flag = cache_dir(where());
  ASSERT_TRUE(flag);
  EXPECT_EQ(flag->root.variable, "--cache");
  EXPECT_FALSE(flag->exists);
  CacheRequest env{"", [this](const char* name) -> std::optional<std::string> {
                     if (std::string(name) == "ONNX_HOME") return dir_;
                     return std::nullopt;
                   }};
  auto from_env = cache_dir(env);
  ASSERT_TRUE(from_env);
  EXPECT_EQ(from_env->root.path, dir_ + "/hub");
  EXPECT_EQ(from_env->root.variable, "ONNX_HOME");
}

TEST_F(CacheAppTest, ListHashesUnlessAskedNotTo) {
  const std::string good = cache("a/m.onnx", "good", 0);
  const std::string bad = cache("b/m.onnx", "bad", 0);
  write("hub/" + bad, "tampered");
  std::size_t progress_calls = 0;
  auto listing = cache_list({where(), true, [&](const zoo::Progress& p) {
                               ++progress_calls;
                               EXPECT_LE(p.bytes_done, p.bytes_total);
                             }});
  ASSERT_TRUE(listing) << listing.error();
  ASSERT_EQ(listing->rows.size(), 2u);
  EXPECT_EQ(listing->rows[0].check.file, hub::Health::kOk);
  EXPECT_EQ(listing->rows[1].check.file, hub::Health::kMismatch);
  EXPECT_GT(progress_calls, 0u);
  auto quick = cache_list({where(), false, nullptr});
  ASSERT_TRUE(quick);
  EXPECT_EQ(quick->rows[1].check.file, hub::Health::kUnchecked);
}

TEST_F(CacheAppTest, VerifyFindsAndFixesMismatches) {
  const std::string good = cache("a/m.onnx", "good", 0);
  const std::string bad = cache("b/m.onnx", "bad", 0);
  write("hub/" + bad, "tampered");
  write("hub/a/x.onnx.tmp.999999999.abcdef", "half");
  auto verified = cache_verify({where(), false, nullptr});
  ASSERT_TRUE(verified) << verified.error();
  ASSERT_EQ(verified->findings.all().size(), 2u);
  EXPECT_EQ(verified->findings.all()[0].code, check::kCacheStaleTemp);
  EXPECT_EQ(verified->findings.all()[1].code, check::kCacheShaMismatch);
  EXPECT_EQ(verified->findings.all()[1].file, path("hub/" + bad));
  EXPECT_EQ(verified->files_checked, 2u);
  EXPECT_TRUE(verified->removed.empty());
  EXPECT_TRUE(stdfs::exists(path("hub/" + bad)));

  auto fixed = cache_verify({where(), true, nullptr});
  ASSERT_TRUE(fixed);
  EXPECT_EQ(fixed->removed, std::vector<std::string>{path("hub/" + bad)});
  EXPECT_FALSE(stdfs::exists(path("hub/" + bad)));
  EXPECT_TRUE(stdfs::exists(path("hub/" + good)));
  auto again = cache_verify({where(), false, nullptr});
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->findings.has_errors());
}

TEST_F(CacheAppTest, PruneIsADryRunUnlessYes) {
  const std::string old_model = cache("a/old.onnx", "old", 40);
  const std::string new_model = cache("a/new.onnx", "new", 1);
  write("hub/a/x.onnx.tmp.999999999.abcdef", "half");

  CachePruneRequest temps_only{where(), std::nullopt, std::nullopt, false, now};
  auto dry = cache_prune(temps_only);
  ASSERT_TRUE(dry) << dry.error();
  EXPECT_EQ(chosen(*dry), std::vector<std::string>{"a/x.onnx.tmp.999999999.abcdef"});
  EXPECT_FALSE(dry->removed);
  EXPECT_TRUE(stdfs::exists(path("hub/a/x.onnx.tmp.999999999.abcdef")));

  CachePruneRequest by_age{where(), 30.0, std::nullopt, false, now};
  auto aged = cache_prune(by_age);
  ASSERT_TRUE(aged);
  // Items without a hub path (temp names) sort first.
  EXPECT_EQ(chosen(*aged), (std::vector<std::string>{"a/x.onnx.tmp.999999999.abcdef", old_model}));
  EXPECT_EQ(aged->chosen[1].reason, "placed 40 days ago");
  by_age.yes = true;
  auto removed = cache_prune(by_age);
  ASSERT_TRUE(removed);
  EXPECT_TRUE(removed->removed);
  EXPECT_FALSE(stdfs::exists(path("hub/" + old_model)));
  EXPECT_TRUE(stdfs::exists(path("hub/" + new_model)));
  EXPECT_FALSE(stdfs::exists(path("hub/a/x.onnx.tmp.999999999.abcdef")));

  // The last file of a folder takes the folder with it; the cache root stays.
  CachePruneRequest everything{where(), 0.0, std::nullopt, true, now};
  ASSERT_TRUE(cache_prune(everything));
  EXPECT_FALSE(stdfs::exists(path("hub/" + new_model)));
  EXPECT_FALSE(stdfs::exists(path("hub/a")));
  EXPECT_TRUE(stdfs::exists(path("hub")));
}

TEST_F(CacheAppTest, PruneKeepsWhatAManifestNames) {
  const std::string kept = cache("a/kept.onnx", "kept", 40);
  const std::string other = cache("a/other.onnx", "other", 40);
  const std::string recent = cache("a/recent.onnx", "recent", 1);
  manifest::Entry e;
  e.model = "Kept";
  e.model_path = "a/kept.onnx";
  e.onnx_version = "1.9";
  e.opset_version = 13;
  e.model_sha = hash::sha256_hex("kept");
  e.model_bytes = 4;
  write("keep.json", manifest::write_manifest({e}));

  CachePruneRequest keep{where(), std::nullopt, path("keep.json"), false, now};
  auto unlisted = cache_prune(keep);
  ASSERT_TRUE(unlisted) << unlisted.error();
  EXPECT_EQ(chosen(*unlisted), (std::vector<std::string>{other, recent}));
  EXPECT_EQ(unlisted->chosen[0].reason, "not in " + path("keep.json"));
  keep.older_than_days = 30.0;  // both must hold
  auto both = cache_prune(keep);
  ASSERT_TRUE(both);
  EXPECT_EQ(chosen(*both), std::vector<std::string>{other});
  EXPECT_EQ(both->chosen[0].reason, "placed 40 days ago, not in " + path("keep.json"));

  // A manifest that cannot be read keeps nothing, so it prunes nothing.
  write("broken.json", "{not json");
  EXPECT_FALSE(cache_prune({where(), std::nullopt, path("broken.json"), true, now}));
  EXPECT_FALSE(cache_prune({where(), std::nullopt, path("missing.json"), true, now}));
  EXPECT_TRUE(stdfs::exists(path("hub/" + other)));
  (void)kept;
}

TEST_F(CacheAppTest, SymlinksAreReportedAndLeftAlone) {
  write("elsewhere/precious.onnx", "precious");
  stdfs::create_directories(path("hub/a"));
  const std::string name = hash::sha256_hex("precious") + "_precious.onnx";
  stdfs::create_symlink(path("elsewhere/precious.onnx"), path("hub/a/" + name));
  auto pruned = cache_prune({where(), 0.0, std::nullopt, true, now + 100 * kDay});
  ASSERT_TRUE(pruned);
  EXPECT_TRUE(pruned->chosen.empty());
  ASSERT_EQ(pruned->findings.all().size(), 1u);
  EXPECT_EQ(pruned->findings.all()[0].code, check::kCacheNotRegular);
  EXPECT_TRUE(stdfs::is_symlink(path("hub/a/" + name)));
  auto verified = cache_verify({where(), true, nullptr});
  ASSERT_TRUE(verified);
  EXPECT_FALSE(verified->findings.has_errors());
  EXPECT_TRUE(stdfs::is_symlink(path("hub/a/" + name)));
  EXPECT_EQ(testkit::slurp(path("elsewhere/precious.onnx")), "precious");
}

}  // namespace
}  // namespace ohm::app
