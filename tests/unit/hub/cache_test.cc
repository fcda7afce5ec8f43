#include "hub/cache.h"

#include <gtest/gtest.h>

#include <map>

namespace ohm::hub {
namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

TEST(CacheRoot, FollowsTheClientsCode) {
  EXPECT_EQ(*cache_root(env_of({{"ONNX_HOME", "/o"}, {"XDG_CACHE_HOME", "/x"}, {"HOME", "/h"}})), "/o/hub");
  EXPECT_EQ(*cache_root(env_of({{"XDG_CACHE_HOME", "/x/"}, {"HOME", "/h"}})), "/x/onnx/hub");
  EXPECT_EQ(*cache_root(env_of({{"HOME", "/h"}})), "/h/.cache/onnx/hub");
  // os.environ membership: set but empty still counts, as os.path.join("", "hub").
  EXPECT_EQ(*cache_root(env_of({{"ONNX_HOME", ""}, {"HOME", "/h"}})), "hub");
}

TEST(CacheRoot, SaysWhereItCameFrom) {
  auto onnx_home = resolve_cache_root(env_of({{"ONNX_HOME", "/o"}, {"XDG_CACHE_HOME", "/x"}}));
  ASSERT_TRUE(onnx_home);
  EXPECT_EQ(onnx_home->variable, "ONNX_HOME");
  EXPECT_EQ(onnx_home->why, "$ONNX_HOME is '/o'");
  auto xdg = resolve_cache_root(env_of({{"XDG_CACHE_HOME", "/x"}, {"HOME", "/h"}}));
  ASSERT_TRUE(xdg);
  EXPECT_EQ(xdg->path, "/x/onnx/hub");
  EXPECT_EQ(xdg->variable, "XDG_CACHE_HOME");
  auto home = resolve_cache_root(env_of({{"HOME", "/h"}}));
  ASSERT_TRUE(home);
  EXPECT_EQ(home->variable, "HOME");
  EXPECT_EQ(home->why, "neither $ONNX_HOME nor $XDG_CACHE_HOME is set; the default under $HOME ('/h')");
}

manifest::Entry entry() {
  manifest::Entry e;
  e.model = "MNIST";
  e.model_path = "vision/classification/mnist/model/mnist-8.onnx";
  e.model_sha = std::string(64, 'a');
  e.model_with_data_path = "vision/classification/mnist/model/mnist-8.tar.gz";
  e.model_with_data_sha = std::string(64, 'b');
  return e;
}

TEST(CachePaths, MatchThePythonLayout) {
  manifest::Entry e = entry();
  EXPECT_EQ(*cached_model_path("/c", e),
            "/c/vision/classification/mnist/model/" + std::string(64, 'a') + "_mnist-8.onnx");
  std::string archive = *cached_archive_path("/c", e);
  EXPECT_EQ(archive, "/c/vision/classification/mnist/model/" + std::string(64, 'b') + "_mnist-8.tar.gz");
  EXPECT_EQ(*unpacked_folder(archive), "/c/vision/classification/mnist/model/" + std::string(64, 'b') + "_mnist-8");
  e.model_path = "top.onnx";
  EXPECT_EQ(*cached_model_path("/c", e), "/c/" + std::string(64, 'a') + "_top.onnx");
}

TEST(CachePaths, RefuseHostileEntries) {
  for (const char* bad : {"../x.onnx", "/etc/x.onnx", "a//b.onnx", "a/./b.onnx", "a\\..\\b.onnx", ""}) {
    manifest::Entry e = entry();
    e.model_path = bad;
    EXPECT_FALSE(cached_model_path("/c", e).ok()) << bad;
  }
  manifest::Entry e = entry();
  e.model_sha = "../../x";
  EXPECT_FALSE(cached_model_path("/c", e).ok());
  e = entry();
  e.model_with_data_path.reset();
  EXPECT_FALSE(cached_archive_path("/c", e).ok());
  EXPECT_FALSE(unpacked_folder("/c/x.zip").ok());
}

}  // namespace
}  // namespace ohm::hub
