#include "hub/hub_spec.h"

#include <gtest/gtest.h>

namespace ohm::hub {
namespace {

HubSpec resolve_ok(SourceFlags flags) {
  Result<HubSpec> spec = resolve_hub_spec(flags);
  EXPECT_TRUE(spec.ok()) << spec.error();
  return spec.ok() ? *spec : HubSpec{};
}

TEST(HubSpec, GithubShorthand) {
  HubSpec spec = resolve_ok({"", "", "onnx/models"});
  EXPECT_EQ(spec.kind, HubKind::kRemote);
  EXPECT_EQ(spec.manifest_url, "https://raw.githubusercontent.com/onnx/models/main/ONNX_HUB_MANIFEST.json");
  EXPECT_EQ(spec.files_base, "https://media.githubusercontent.com/media/onnx/models/main/");
  EXPECT_TRUE(spec.trusted);
  EXPECT_FALSE(resolve_ok({"", "", "onnx/models:dev"}).trusted);
  EXPECT_FALSE(resolve_ok({"", "", "someone/models"}).trusted);
  EXPECT_EQ(resolve_ok({"", "", "me/zoo:feature/x"}).files_base,
            "https://media.githubusercontent.com/media/me/zoo/feature/x/");
}

TEST(HubSpec, RejectsMalformedShorthand) {
  for (const char* bad : {"onnx", "onnx/", "/models", "a/b/c", "a/b:", "a/b:../x", "a b/c", "a/..:main"}) {
    EXPECT_FALSE(resolve_hub_spec({"", "", bad}).ok()) << bad;
  }
}

TEST(HubSpec, UrlBases) {
  HubSpec spec = resolve_ok({"", "", "https://hub.example.org/zoo"});
  EXPECT_EQ(spec.files_base, "https://hub.example.org/zoo/");
  EXPECT_EQ(spec.manifest_url, "https://hub.example.org/zoo/ONNX_HUB_MANIFEST.json");
  EXPECT_FALSE(spec.trusted);
  EXPECT_TRUE(resolve_hub_spec({"", "", "http://127.0.0.1:8000/"}).ok());
  EXPECT_TRUE(resolve_hub_spec({"", "", "http://localhost/"}).ok());
  EXPECT_TRUE(resolve_hub_spec({"", "", "http://[::1]:9/"}).ok());
  EXPECT_FALSE(resolve_hub_spec({"", "", "http://example.org/"}).ok());
  EXPECT_FALSE(resolve_hub_spec({"", "", "http://127.0.0.1.evil.org/"}).ok());
  EXPECT_FALSE(resolve_hub_spec({"", "", "http://127.0.0.1@evil.org/"}).ok());
  EXPECT_FALSE(resolve_hub_spec({"", "", "ftp://127.0.0.1/"}).ok());
  EXPECT_FALSE(resolve_hub_spec({"", "", "file:///tmp/zoo/"}).ok());
}

TEST(HubSpec, LocalSourcesAreTrusted) {
  EXPECT_EQ(resolve_ok({"m.json", "", ""}).kind, HubKind::kManifestFile);
  EXPECT_TRUE(resolve_ok({"m.json", "", ""}).trusted);
  EXPECT_EQ(resolve_ok({"", "zoo", ""}).kind, HubKind::kRepository);
  EXPECT_EQ(resolve_ok({"", "", ""}).kind, HubKind::kRepository);
  EXPECT_FALSE(resolve_hub_spec({"m.json", "zoo", ""}).ok());
}

TEST(HubSpec, Loopback) {
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("127.1.2.3"));
  EXPECT_TRUE(is_loopback_host("LOCALHOST"));
  EXPECT_FALSE(is_loopback_host("128.0.0.1"));
  EXPECT_FALSE(is_loopback_host("127.0.0.256"));
  EXPECT_FALSE(is_loopback_host("localhost.example.org"));
}

}  // namespace
}  // namespace ohm::hub
