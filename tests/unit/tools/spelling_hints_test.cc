#include "spelling_hints.h"

#include <gtest/gtest.h>

#include <vector>

namespace ohm::cli {
namespace {

// A small app shaped like ours: commands with options and flags, one with verbs.
class SpellingHints : public ::testing::Test {
 protected:
  SpellingHints() : app("test", "onnx-hub-manifest") {
    CLI::App* validate = app.add_subcommand("validate");
    validate->add_option("--format", format);
    validate->add_option("--repo", repo);
    validate->add_flag("--strict", flag);
    CLI::App* cache = app.add_subcommand("cache");
    CLI::App* verify = cache->add_subcommand("verify");
    verify->add_flag("--fix", flag);
    verify->add_option("--cache", repo);
  }
  std::string hint(std::vector<const char*> args) {
    args.insert(args.begin(), "onnx-hub-manifest");
    return spelling_hint(app, static_cast<int>(args.size()), args.data());
  }
  CLI::App app;
  std::string format, repo;
  bool flag = false;
};

TEST_F(SpellingHints, Commands) {
  EXPECT_EQ(hint({"valdate"}), "unknown command 'valdate'; did you mean validate?");
  EXPECT_EQ(hint({"nothing-like-it"}), "unknown command 'nothing-like-it'; see onnx-hub-manifest --help");
  EXPECT_EQ(hint({"cache", "verfy"}), "unknown command 'verfy'; did you mean verify?");
}

TEST_F(SpellingHints, OptionsOfTheChosenCommand) {
  EXPECT_EQ(hint({"validate", "--formt", "json"}), "validate has no option --formt; did you mean --format?");
  EXPECT_EQ(hint({"validate", "--strict", "--formt=json"}), "validate has no option --formt; did you mean --format?");
  EXPECT_EQ(hint({"cache", "verify", "--fx"}), "cache verify has no option --fx; did you mean --fix?");
  EXPECT_EQ(hint({"--hlep"}), "onnx-hub-manifest has no option --hlep; did you mean --help?");
  EXPECT_EQ(hint({"validate", "--zzzzzzzz"}),
            "validate has no option --zzzzzzzz; see onnx-hub-manifest validate --help");
}

TEST_F(SpellingHints, NothingWhenEveryWordIsKnown) {
  // Values of options are skipped, even when they look like typos of commands.
  EXPECT_EQ(hint({"validate", "--repo", "valdate", "--format", "json"}), "");
  EXPECT_EQ(hint({"validate", "--repo=x", "extra"}), "");
  EXPECT_EQ(hint({"validate", "--", "--formt"}), "");
}

}  // namespace
}  // namespace ohm::cli
