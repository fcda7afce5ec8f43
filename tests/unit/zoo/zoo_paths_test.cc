#include "zoo/zoo_paths.h"

#include <gtest/gtest.h>

namespace ohm::zoo {
namespace {

TEST(ResolveLink, RelativeToReadmeFolder) {
  EXPECT_EQ(*resolve_link("a/b", "model/m.onnx"), "a/b/model/m.onnx");
  EXPECT_EQ(*resolve_link("a/b", "./model/./m.onnx"), "a/b/model/m.onnx");
  EXPECT_EQ(*resolve_link("a/b", "../c/m.onnx"), "a/c/m.onnx");
  EXPECT_EQ(*resolve_link("", "m.onnx"), "m.onnx");
}

TEST(ResolveLink, LeadingSlashMeansZooRoot) { EXPECT_EQ(*resolve_link("a/b", "/x/m.onnx"), "x/m.onnx"); }

TEST(ResolveLink, PercentDecoded) {
  EXPECT_EQ(*resolve_link("a", "my%20model%2D1.onnx"), "a/my model-1.onnx");
  EXPECT_FALSE(resolve_link("a", "bad%2"));
  EXPECT_FALSE(resolve_link("a", "bad%zz.onnx"));
  EXPECT_FALSE(resolve_link("a", "nul%00.onnx"));
}

TEST(ResolveLink, EscapingTheZooIsAnError) {
  auto r = resolve_link("a", "../../etc/passwd");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("outside the zoo"), std::string::npos);
  EXPECT_FALSE(resolve_link("", "/../x.onnx"));
  EXPECT_FALSE(resolve_link("a", "%2E%2E/%2E%2E/x.onnx"));
}

TEST(ResolveLink, UrlsAreNotZooFiles) {
  for (const char* url :
       {"https://example.org/m.onnx", "file:///etc/passwd", "http://x", "//cdn/x.onnx", "mailto:a@b"}) {
    auto r = resolve_link("a", url);
    ASSERT_FALSE(r) << url;
    EXPECT_NE(r.error().find("URL"), std::string::npos) << url;
  }
}

TEST(ResolveLink, EmptyAndRootOnly) {
  EXPECT_FALSE(resolve_link("a", ""));
  EXPECT_FALSE(resolve_link("a", ".."));
  EXPECT_FALSE(resolve_link("", "/"));
}

TEST(ResolveLink, QueryAndFragmentAreNotPartOfTheName) {
  EXPECT_EQ(*resolve_link("a", "m.onnx?raw=true"), "a/m.onnx");
  EXPECT_EQ(*resolve_link("a", "m.onnx#x"), "a/m.onnx");
}

TEST(Tags, FolderPartsWithSpacesWithoutStatusFolder) {
  EXPECT_EQ(tags_for("validated/text/machine_comprehension/bert-squad", "model/x.onnx"),
            (std::vector<std::string>{"text", "machine comprehension", "bert-squad"}));
  EXPECT_EQ(tags_for("archive/vision/old_net", "x.onnx"), (std::vector<std::string>{"vision", "old net"}));
  EXPECT_EQ(tags_for("vision/validated", "x.onnx"), (std::vector<std::string>{"vision", "validated"}));
  EXPECT_TRUE(tags_for("", "x.onnx").empty());
}

TEST(Tags, PreprocComponentAddsPreprocessing) {
  EXPECT_EQ(tags_for("validated/vision/classification/resnet", "preproc/resnet-preproc-v1-18.onnx"),
            (std::vector<std::string>{"vision", "classification", "resnet", "preprocessing"}));
  EXPECT_EQ(tags_for("v", "preprocx/a.onnx"), (std::vector<std::string>{"v"}));
}

TEST(ZooPaths, UnsafePathReasons) {
  EXPECT_EQ(unsafe_path_reason("a/b.onnx"), "");
  EXPECT_NE(unsafe_path_reason("/a"), "");
  EXPECT_NE(unsafe_path_reason("a//b"), "");
  EXPECT_NE(unsafe_path_reason("./a"), "");
  EXPECT_NE(unsafe_path_reason("https://x/y"), "");
  EXPECT_NE(unsafe_path_reason("C:/x"), "");
  EXPECT_NE(unsafe_path_reason("a\\b"), "");
  EXPECT_NE(unsafe_path_reason("a/\n"), "");
}

}  // namespace
}  // namespace ohm::zoo
