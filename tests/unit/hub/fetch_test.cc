// fetch_model on a local hub held in memory: where files land in the cache,
// what is reused, and what a failure leaves behind (nothing).
#include "hub/fetch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "core/checks.h"
#include "entries.h"
#include "hash/sha256.h"
#include "hub/cache.h"
#include "temp_dir.h"
#include "zoo/memory_source.h"
#include "zoo_fixture.h"

namespace ohm::hub {
namespace {

using testkit::pointer_for;

const std::string kModel(2000, 'm');

class FetchTest : public testkit::TempDirTest {
 protected:
  manifest::Entry entry_for(const std::string& content) const {
    manifest::Entry e = testkit::entry("M", "vision/m/model/m-7.onnx");
    e.model_sha = hash::sha256_hex(content);
    e.model_bytes = content.size();
    return e;
  }
  Result<FetchReport> fetch(zoo::MemorySource zoo, const manifest::Entry& e, bool force = false) {
    auto content = local_content(std::make_unique<zoo::MemorySource>(std::move(zoo)));
    FetchOptions options;
    options.cache_root = path("cache");
    options.force = force;
    return fetch_model(e, *content, options);
  }
  std::string cached(const manifest::Entry& e) const {
    return path("cache/vision/m/model/" + e.model_sha + "_m-7.onnx");
  }
};

TEST_F(FetchTest, PlacesTheModelWherePythonLooksAndReusesIt) {
  zoo::MemorySource zoo;
  zoo.file("vision/m/model/m-7.onnx", kModel);
  auto e = entry_for(kModel);
  auto first = fetch(zoo, e);
  ASSERT_TRUE(first) << first.error();
  EXPECT_EQ(first->model_file, cached(e));
  EXPECT_FALSE(first->model_was_cached);
  EXPECT_EQ(testkit::slurp(cached(e)), kModel);
  auto again = fetch(zoo, e);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->model_was_cached);
}

TEST_F(FetchTest, SideFilesLandBesideTheModelBeforeIt) {
  const std::string weights(3000, 'w');
  zoo::MemorySource zoo;
  zoo.file("vision/m/model/m-7.onnx", kModel)
      .file("vision/m/model/data/w.bin", pointer_for(weights))
      .lfs_object(weights);
  auto e = entry_for(kModel);
  e.external_data = manifest::Json::array(
      {manifest::Json{{"path", "vision/m/model/data/w.bin"}, {"sha", hash::sha256_hex(weights)}, {"bytes", 3000}}});
  auto placed = fetch(zoo, e);
  ASSERT_TRUE(placed) << placed.error();
  ASSERT_EQ(placed->side_files.size(), 1u);
  EXPECT_EQ(placed->side_files[0].file, path("cache/vision/m/model/data/w.bin"));
  EXPECT_FALSE(placed->side_files[0].was_cached);
  EXPECT_EQ(testkit::slurp(path("cache/vision/m/model/data/w.bin")), weights);
  auto again = fetch(zoo, e);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->side_files[0].was_cached);

  // A side file that does not match: the model never appears under its name.
  std::filesystem::remove_all(path("cache"));
  e.external_data.edit()[0]["sha"] = std::string(64, 'f');
  auto refused = fetch(zoo, e);
  ASSERT_FALSE(refused);
  EXPECT_FALSE(std::filesystem::exists(cached(e)));
}

TEST_F(FetchTest, SideFilePathsOutsideTheModelsFolderAreRefusedBeforeAnyDownload) {
  zoo::MemorySource zoo;
  zoo.file("vision/m/model/m-7.onnx", kModel).file("etc/w.bin", "w");
  for (const char* bad : {"etc/w.bin", "vision/m/model/../../../etc/w.bin", "/etc/w.bin", "vision/m/modelx/w.bin"}) {
    auto e = entry_for(kModel);
    e.external_data =
        manifest::Json::array({manifest::Json{{"path", bad}, {"sha", hash::sha256_hex("w")}, {"bytes", 1}}});
    auto refused = fetch(zoo, e);
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.failure().code, check::kHubEntryInvalid) << bad;
    EXPECT_FALSE(std::filesystem::exists(path("cache"))) << bad;
  }
}

TEST_F(FetchTest, PointerContentComesFromTheStore) {
  zoo::MemorySource zoo;
  zoo.file("vision/m/model/m-7.onnx", pointer_for(kModel)).lfs_object(kModel);
  auto e = entry_for(kModel);
  auto placed = fetch(zoo, e);
  ASSERT_TRUE(placed) << placed.error();
  EXPECT_EQ(testkit::slurp(cached(e)), kModel);
}

TEST_F(FetchTest, PointerWithoutContentNamesThePullForTheRepositoryPath) {
  zoo::MemorySource zoo;
  zoo.prefix("samples").file("vision/m/model/m-7.onnx", pointer_for(kModel)).lfs_object("something else");
  auto failed = fetch(zoo, entry_for(kModel));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.failure().kind, ErrorKind::kCannotRun);
  EXPECT_NE(failed.error().find("git lfs pull --include=\"samples/vision/m/model/m-7.onnx\""), std::string::npos)
      << failed.error();
  EXPECT_TRUE(list().empty());  // not even the folders it made
}

TEST_F(FetchTest, MismatchesLeaveNothing) {
  zoo::MemorySource zoo;
  zoo.file("vision/m/model/m-7.onnx", kModel);
  auto wrong = fetch(zoo, entry_for("another model"));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.failure().code, check::kHubShaMismatch);
  EXPECT_TRUE(list().empty());

  zoo::MemorySource pointing_elsewhere;
  pointing_elsewhere.file("vision/m/model/m-7.onnx", pointer_for("another model"));
  auto pointer = fetch(pointing_elsewhere, entry_for(kModel));
  ASSERT_FALSE(pointer);
  EXPECT_EQ(pointer.failure().code, check::kHubShaMismatch);
  EXPECT_NE(pointer.error().find("is a Git LFS pointer to"), std::string::npos) << pointer.error();
}

TEST_F(FetchTest, RefusedFilesAreProblems) {
  zoo::MemorySource zoo;
  zoo.symlink("vision/m/model/m-7.onnx");
  auto link = fetch(zoo, entry_for(kModel));
  EXPECT_EQ(link.failure().code, check::kHubUnsafePath);
  auto missing = fetch(zoo::MemorySource(), entry_for(kModel));
  EXPECT_EQ(missing.failure().code, check::kHubMissingFile);
  manifest::Entry unsafe = entry_for(kModel);
  unsafe.model_path = "https://evil/m.onnx";
  EXPECT_EQ(fetch(zoo, unsafe).failure().code, check::kHubEntryInvalid);
}

TEST_F(FetchTest, AFailedFetchTakesBackTheFoldersItMade) {
  zoo::MemorySource zoo;
  zoo.file("vision/m/model/m-7.onnx", kModel);
  auto e = entry_for("other content");
  auto failed = fetch(zoo, e);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.failure().code, check::kHubShaMismatch);
  EXPECT_FALSE(std::filesystem::exists(path("cache")));
  // A folder that was there stays.
  std::filesystem::create_directories(path("cache/vision"));
  ASSERT_FALSE(fetch(zoo, e));
  EXPECT_EQ(list("cache"), (std::vector<std::string>{"vision"}));
  EXPECT_TRUE(list("cache/vision").empty());
}

TEST_F(FetchTest, ALinkInTheCacheIsRefusedBeforeAnythingIsWritten) {
  zoo::MemorySource zoo;
  zoo.file("vision/m/model/m-7.onnx", kModel);
  auto e = entry_for(kModel);
  std::filesystem::create_directories(path("cache/vision"));
  std::filesystem::create_directories(path("outside"));
  std::filesystem::create_directory_symlink(path("outside"), path("cache/vision/m"));
  auto refused = fetch(zoo, e);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.failure().kind, ErrorKind::kCannotRun);
  EXPECT_EQ(refused.error(), "cannot write " + cached(e) + ": " + path("cache/vision/m") +
                                 " is a symbolic link, never followed (remove it)");
  EXPECT_TRUE(list("outside").empty());
}

TEST_F(FetchTest, SideFilesGetTheirListBesideTheModel) {
  const std::string weights(300, 'w');
  zoo::MemorySource zoo;
  zoo.file("vision/m/model/m-7.onnx", kModel).file("vision/m/model/w.bin", weights);
  auto e = entry_for(kModel);
  e.external_data = manifest::Json::array(
      {manifest::Json{{"path", "vision/m/model/w.bin"}, {"sha", hash::sha256_hex(weights)}, {"bytes", 300}}});
  ASSERT_TRUE(fetch(zoo, e));
  const std::string list_text = testkit::slurp(cached(e) + ".external-data.json");
  auto parsed = parse_side_list(list_text, "", e.model_path);
  ASSERT_TRUE(parsed) << parsed.error();
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ((*parsed)[0].hub_path, "vision/m/model/w.bin");
  EXPECT_EQ((*parsed)[0].bytes, 300u);
  EXPECT_FALSE(parse_side_list("{broken", "", e.model_path));
  EXPECT_FALSE(parse_side_list(R"([{"path": "../x", "sha": "", "bytes": 1}])", "", e.model_path));
}

}  // namespace
}  // namespace ohm::hub
