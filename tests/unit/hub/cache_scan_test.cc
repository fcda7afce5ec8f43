// The cache scanner and checker on caches laid out in a temp folder, as fetch
// and onnx.hub write them: models, archives with their unpacked folders,
// temp names, symlinks (never followed) and strays.
#include "hub/cache_scan.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "archive/unpack.h"
#include "hash/sha256.h"
#include "hub/cache.h"
#include "hub/cache_check.h"
#include "temp_dir.h"

namespace ohm::hub {
namespace {

namespace stdfs = std::filesystem;

const std::string kFolder = "vision/classification/tinynet/model/";

class CacheScanTest : public testkit::TempDirTest {
 protected:
  std::string root() const { return path("hub"); }

  // A model cached under its sha, as fetch (or onnx.hub.load) names it.
  std::string cache_model(const std::string& rel_folder, const std::string& name, const std::string& content) {
    const std::string rel = rel_folder + hash::sha256_hex(content) + "_" + name;
    write("hub/" + rel, content);
    return rel;
  }

  // The sample tinynet-12.tar.gz cached and unpacked beside it; returns the archive's rel.
  std::string cache_archive() {
    const std::string bytes = testkit::source_file("samples/" + kFolder + "tinynet-12.tar.gz");
    const std::string rel = kFolder + hash::sha256_hex(bytes) + "_tinynet-12.tar.gz";
    write("hub/" + rel, bytes);
    auto unpacked = archive::unpack_tarball(archive::stream_file(path("hub/" + rel)),
                                            path("hub/" + rel.substr(0, rel.size() - 7)), {});
    EXPECT_TRUE(unpacked && unpacked->safe());
    return rel;
  }

  const CachedItem* find(const CacheScan& scan, const std::string& rel) const {
    for (const CachedItem& item : scan.items) {
      if (item.rel == rel) return &item;
    }
    return nullptr;
  }
};

TEST(CacheNames, ShaPrefixAndTempNames) {
  std::string sha, name;
  EXPECT_TRUE(split_cached_name(std::string(64, 'a') + "_mnist-8.onnx", &sha, &name));
  EXPECT_EQ(sha, std::string(64, 'a'));
  EXPECT_EQ(name, "mnist-8.onnx");
  EXPECT_FALSE(split_cached_name(std::string(64, 'A') + "_x.onnx", &sha, &name));  // not lowercase hex
  EXPECT_FALSE(split_cached_name(std::string(63, 'a') + "_x.onnx", &sha, &name));
  EXPECT_FALSE(split_cached_name(std::string(64, 'a') + "_", &sha, &name));
  EXPECT_FALSE(split_cached_name("mnist-8.onnx", &sha, &name));
  EXPECT_EQ(temp_name_pid("x.onnx.tmp.4242.a1B2c3"), 4242);
  EXPECT_EQ(temp_name_pid("x_data.tmp.17.zzzzzz.old"), 17);
  EXPECT_EQ(temp_name_pid("x.onnx.tmp.42x.a1B2c3"), 0);
  EXPECT_EQ(temp_name_pid("x.onnx.tmp.4242.short"), 0);
  EXPECT_EQ(temp_name_pid("x.onnx"), 0);
  EXPECT_EQ(temp_name_pid("tmp.4242.a1B2c3"), 0);
}

TEST_F(CacheScanTest, AMissingRootIsAnEmptyCache) {
  auto scan = scan_cache(root());
  ASSERT_TRUE(scan) << scan.error();
  EXPECT_FALSE(scan->exists);
  EXPECT_TRUE(scan->items.empty());
  write("file", "x");
  EXPECT_FALSE(scan_cache(path("file")));
}

TEST_F(CacheScanTest, ClassifiesWhatFetchAndOnnxHubWrite) {
  const std::string model = cache_model(kFolder, "tinynet-12.onnx", "model bytes");
  const std::string archive = cache_archive();
  // An archive whose own file is gone leaves an orphan data folder.
  write("hub/" + kFolder + std::string(64, 'c') + "_tinynet-7/tinynet-7/x.pb", "12345");
  write("hub/" + kFolder + "tinynet-12.onnx.tmp.999999999.abcdef", "half");
  write("hub/" + kFolder + "tinynet-12.onnx.tmp." + std::to_string(::getpid()) + ".abcdef", "writing");
  write("hub/README.txt", "stray");

  auto scan = scan_cache(root());
  ASSERT_TRUE(scan) << scan.error();
  EXPECT_TRUE(scan->exists);
  ASSERT_EQ(scan->items.size(), 6u);
  const CachedItem* m = find(*scan, model);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, CachedKind::kModel);
  EXPECT_EQ(m->hub_path, kFolder + "tinynet-12.onnx");
  EXPECT_EQ(m->sha, hash::sha256_hex("model bytes"));
  EXPECT_EQ(m->bytes, 11u);
  EXPECT_FALSE(m->not_regular);
  const CachedItem* a = find(*scan, archive);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, CachedKind::kArchive);
  EXPECT_EQ(a->hub_path, kFolder + "tinynet-12.tar.gz");
  EXPECT_EQ(a->data_folder, archive.substr(0, archive.size() - 7));
  EXPECT_GT(a->data_bytes, 0u);
  const CachedItem* orphan = find(*scan, kFolder + std::string(64, 'c') + "_tinynet-7");
  ASSERT_NE(orphan, nullptr);
  EXPECT_EQ(orphan->kind, CachedKind::kDataFolder);
  EXPECT_EQ(orphan->bytes, 5u);
  const CachedItem* dead = find(*scan, kFolder + "tinynet-12.onnx.tmp.999999999.abcdef");
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->kind, CachedKind::kTemp);
  EXPECT_EQ(dead->pid, 999999999);
  EXPECT_FALSE(dead->owner_alive);
  const CachedItem* live = find(*scan, kFolder + "tinynet-12.onnx.tmp." + std::to_string(::getpid()) + ".abcdef");
  ASSERT_NE(live, nullptr);
  EXPECT_TRUE(live->owner_alive);
  const CachedItem* stray = find(*scan, "README.txt");
  ASSERT_NE(stray, nullptr);
  EXPECT_EQ(stray->kind, CachedKind::kOther);
}

TEST_F(CacheScanTest, NeverFollowsSymlinks) {
  // A folder elsewhere that looks like a cache: a link to it must not make it part of this one.
  write("elsewhere/" + std::string(64, 'd') + "_big.onnx", "not ours");
  write("hub/x", "");
  stdfs::create_directory_symlink(path("elsewhere"), path("hub/linked"));
  stdfs::create_symlink(path("elsewhere/" + std::string(64, 'd') + "_big.onnx"),
                        path("hub/" + std::string(64, 'd') + "_big.onnx"));
  auto scan = scan_cache(root());
  ASSERT_TRUE(scan) << scan.error();
  for (const CachedItem& item : scan->items) EXPECT_EQ(item.rel.find("linked/"), std::string::npos) << item.rel;
  const CachedItem* link = find(*scan, std::string(64, 'd') + "_big.onnx");
  ASSERT_NE(link, nullptr);
  EXPECT_TRUE(link->not_regular);
  EXPECT_EQ(link->bytes, 0u);
  // Checking it opens nothing; removing it removes the link, not its target.
  ItemCheck check = check_item(root(), *link, true, nullptr);
  EXPECT_EQ(check.file, Health::kUnreadable);
  ASSERT_TRUE(remove_item(root(), *link));
  EXPECT_FALSE(stdfs::is_symlink(path("hub/" + std::string(64, 'd') + "_big.onnx")));
  EXPECT_EQ(testkit::slurp(path("elsewhere/" + std::string(64, 'd') + "_big.onnx")), "not ours");
  // A cache root that is itself a link (a linked ~/.cache) is followed.
  stdfs::create_directory_symlink(path("hub"), path("hub-link"));
  auto through = scan_cache(path("hub-link"));
  ASSERT_TRUE(through) << through.error();
  EXPECT_TRUE(through->exists);
  EXPECT_NE(find(*through, "linked"), nullptr);
}

TEST_F(CacheScanTest, ChecksShaAndDataFolders) {
  const std::string model = cache_model(kFolder, "tinynet-12.onnx", "model bytes");
  const std::string archive = cache_archive();
  auto scan = scan_cache(root());
  ASSERT_TRUE(scan);
  std::uint64_t progressed = 0;
  ItemCheck m = check_item(root(), *find(*scan, model), true, [&](std::uint64_t done) { progressed = done; });
  EXPECT_EQ(m.file, Health::kOk);
  EXPECT_EQ(progressed, 11u);
  ItemCheck a = check_item(root(), *find(*scan, archive), true, nullptr);
  EXPECT_EQ(a.file, Health::kOk);
  EXPECT_EQ(a.data, Health::kOk) << a.detail;
  // Without with_data the folder is not compared.
  EXPECT_EQ(check_item(root(), *find(*scan, archive), false, nullptr).data, Health::kUnchecked);

  // A changed byte, a test file gone, a model inside changed at the same size.
  write("hub/" + model, "model bytez");
  EXPECT_EQ(check_item(root(), *find(*scan, model), false, nullptr).file, Health::kMismatch);
  const std::string folder = path("hub/" + find(*scan, archive)->data_folder);
  std::string onnx = testkit::slurp(folder + "/tinynet-12/tinynet-12.onnx");
  onnx.back() ^= 1;
  write("hub/" + find(*scan, archive)->data_folder + "/tinynet-12/tinynet-12.onnx", onnx);
  ItemCheck changed = check_item(root(), *find(*scan, archive), true, nullptr);
  EXPECT_EQ(changed.data, Health::kMismatch);
  EXPECT_EQ(changed.detail, "tinynet-12/tinynet-12.onnx differs from the archive's");
  onnx.back() ^= 1;
  write("hub/" + find(*scan, archive)->data_folder + "/tinynet-12/tinynet-12.onnx", onnx);
  stdfs::remove(folder + "/tinynet-12/test_data_set_0/input_0.pb");
  ItemCheck missing = check_item(root(), *find(*scan, archive), true, nullptr);
  EXPECT_EQ(missing.data, Health::kMismatch);
  EXPECT_EQ(missing.detail, "tinynet-12/test_data_set_0/input_0.pb is missing");
  ASSERT_TRUE(remove_data_folder(root(), *find(*scan, archive)));
  EXPECT_FALSE(stdfs::exists(folder));
  EXPECT_TRUE(stdfs::exists(path("hub/" + archive)));

  // Removing an archive takes its folder with it.
  cache_archive();
  ASSERT_TRUE(stdfs::exists(folder));
  ASSERT_TRUE(remove_item(root(), *find(*scan, archive)));
  EXPECT_FALSE(stdfs::exists(folder));
  EXPECT_FALSE(stdfs::exists(path("hub/" + archive)));
}

TEST_F(CacheScanTest, SideFilesComeFromTheListBesideTheirModel) {
  const std::string model = cache_model("big/", "big-13.onnx", "model");
  const std::string w = "weights", x = "extra";
  write("hub/big/w.bin", w);
  write("hub/big/data/x.bin", x);
  const std::vector<CachedSideFile> sides = {{"big/w.bin", "", hash::sha256_hex(w), w.size()},
                                             {"big/data/x.bin", "", hash::sha256_hex(x), x.size()},
                                             {"big/gone.bin", "", hash::sha256_hex("g"), 1}};
  write("hub/" + model + std::string(kSideListSuffix), side_list_text(sides));
  write("hub/big/stray.bin", "not listed");
  auto scan = scan_cache(root());
  ASSERT_TRUE(scan) << scan.error();
  const CachedItem* m = find(*scan, model);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->side_list, model + std::string(kSideListSuffix));
  EXPECT_FALSE(find(*scan, m->side_list));  // shown with its model
  const CachedItem* wi = find(*scan, "big/w.bin");
  ASSERT_TRUE(wi);
  EXPECT_EQ(wi->kind, CachedKind::kSideFile);
  EXPECT_EQ(wi->models, (std::vector<std::string>{"big/big-13.onnx"}));
  EXPECT_EQ(wi->bytes, w.size());
  EXPECT_FALSE(wi->orphan);
  EXPECT_EQ(check_item(root(), *wi, false, nullptr).file, Health::kOk);
  ASSERT_TRUE(find(*scan, "big/data/x.bin"));
  EXPECT_EQ(find(*scan, "big/data/x.bin")->kind, CachedKind::kSideFile);
  const CachedItem* gone = find(*scan, "big/gone.bin");
  ASSERT_TRUE(gone);
  EXPECT_TRUE(gone->missing);
  EXPECT_EQ(find(*scan, "big/stray.bin")->kind, CachedKind::kOther);

  // Another size than the list gives is a mismatch, whatever the sha.
  write("hub/big/w.bin", "weightsX");
  scan = scan_cache(root());
  EXPECT_EQ(check_item(root(), *find(*scan, "big/w.bin"), false, nullptr).file, Health::kMismatch);

  // Without the model, the list and its present files are orphans; nothing is missing.
  stdfs::remove(path("hub/" + model));
  scan = scan_cache(root());
  const CachedItem* list = find(*scan, model + std::string(kSideListSuffix));
  ASSERT_TRUE(list);
  EXPECT_EQ(list->kind, CachedKind::kSideList);
  EXPECT_TRUE(list->orphan);
  EXPECT_TRUE(find(*scan, "big/w.bin")->orphan);
  EXPECT_FALSE(find(*scan, "big/gone.bin"));
}

}  // namespace
}  // namespace ohm::hub
