// The lib/app calls in-process, on copies of the sample zoo in a temp folder:
// what each command does before anything is printed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "app/generate.h"
#include "app/hub.h"
#include "app/inspect.h"
#include "app/validate.h"
#include "core/checks.h"
#include "temp_dir.h"

namespace ohm::app {
namespace {

namespace stdfs = std::filesystem;

class AppTest : public testkit::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    stdfs::copy(std::string(OHM_SOURCE_DIR) + "/samples", path("zoo"), stdfs::copy_options::recursive);
  }
  GenerateRequest generate_request() const {
    GenerateRequest r;
    r.where.repo_dir = path("zoo");
    return r;
  }
  const std::string committed = testkit::source_file("samples/ONNX_HUB_MANIFEST.json");
};

TEST_F(AppTest, GenerateWritesTheManifestAtomically) {
  stdfs::remove(path("zoo/ONNX_HUB_MANIFEST.json"));
  GenerateRequest r = generate_request();
  r.reuse_file = std::string(OHM_SOURCE_DIR) + "/samples/ONNX_HUB_MANIFEST.json";
  auto out = generate(r);
  ASSERT_TRUE(out) << out.error();
  EXPECT_EQ(out->target, path("zoo/ONNX_HUB_MANIFEST.json"));
  EXPECT_EQ(testkit::slurp(out->target), committed);
  EXPECT_EQ(out->entries, 10u);
  EXPECT_EQ(out->readmes, 5u);
  EXPECT_TRUE(out->findings.all().empty());
  for (const std::string& name : list("zoo")) EXPECT_EQ(name.find(".tmp."), std::string::npos) << name;
}

TEST_F(AppTest, CheckComparesAndWritesNothing) {
  GenerateRequest r = generate_request();
  r.check = true;
  auto clean = generate(r);
  ASSERT_TRUE(clean);
  EXPECT_TRUE(clean->diff.empty());
  EXPECT_TRUE(clean->target.empty());
  std::string readme = testkit::slurp(path("zoo/other/tabular/tiny_mlp/README.md"));
  readme.replace(readme.find("|Tiny MLP |"), std::string("|Tiny MLP |").size(), "|Tiny-MLP |");
  write("zoo/other/tabular/tiny_mlp/README.md", readme);
  auto stale = generate(r);
  ASSERT_TRUE(stale);
  EXPECT_NE(stale->diff.find("+        \"model\": \"Tiny-MLP\","), std::string::npos) << stale->diff;
  ASSERT_EQ(stale->findings.all().size(), 1u);
  EXPECT_EQ(stale->findings.all()[0].code, check::kManifestStale);
  EXPECT_EQ(testkit::slurp(path("zoo/ONNX_HUB_MANIFEST.json")), committed);
}

TEST_F(AppTest, ArgumentsThatCannotRun) {
  GenerateRequest r = generate_request();
  r.where.rev = "HEAD";
  auto rev = generate(r);
  ASSERT_FALSE(rev);
  EXPECT_EQ(rev.failure().kind, ErrorKind::kCannotRun);  // --rev without -o, and no repository either
  GenerateRequest missing = generate_request();
  missing.where.repo_dir = path("nowhere");
  EXPECT_FALSE(generate(missing));
  GenerateRequest reuse = generate_request();
  reuse.reuse_file = path("no-such.json");
  EXPECT_FALSE(generate(reuse));
}

TEST_F(AppTest, ValidateAndInspectTheSampleZoo) {
  ValidateRequest v;
  v.where.repo_dir = path("zoo");
  auto report = validate(v);
  ASSERT_TRUE(report) << report.error();
  EXPECT_TRUE(report->report.findings.all().empty());
  EXPECT_EQ(report->report.summary.entries, 10u);

  InspectRequest model{path("zoo/other/tabular/tiny_mlp/model/tiny-mlp-9.onnx"), {}};
  auto inspected = inspect(model);
  ASSERT_TRUE(inspected);
  ASSERT_EQ(inspected->models.size(), 1u);
  EXPECT_EQ(inspected->models[0].info.opset, 9);
  InspectRequest tarball{path("zoo/vision/classification/tinynet/model/tinynet-7.tar.gz"), {}};
  auto archive = inspect(tarball);
  ASSERT_TRUE(archive);
  EXPECT_TRUE(archive->is_archive);
  EXPECT_EQ(archive->models.size(), 1u);
  EXPECT_FALSE(archive->listing->test_data_sets.empty());
}

TEST_F(AppTest, FetchFromALocalZooNeedsNoTrust) {
  FetchRequest f;
  f.hub.source.repo = path("zoo");
  f.model = "tiny mlp";
  f.cache = path("cache");
  bool asked = false;
  f.ask = [&](const std::string&) { return asked = true; };
  Diagnostics findings;
  auto fetched = fetch(f, findings);
  ASSERT_TRUE(fetched) << fetched.error();
  EXPECT_FALSE(asked);
  EXPECT_EQ(testkit::slurp(fetched->report.model_file),
            testkit::slurp(path("zoo/other/tabular/tiny_mlp/model/tiny-mlp-9.onnx")));
  f.model = "no such model";
  auto missing = fetch(f, findings);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.failure().code, check::kHubNoSuchModel);
  EXPECT_EQ(missing.failure().file, path("zoo") + "/ONNX_HUB_MANIFEST.json");
}

}  // namespace
}  // namespace ohm::app
