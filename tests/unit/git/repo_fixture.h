#pragma once
// A fresh temp folder per test, with helpers to build a git repository in it
// through the git CLI (the product itself never runs git).

#include <gtest/gtest.h>

#include <string>

namespace ohm::git::testing {

class RepoTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Runs `command` with sh in `dir` (relative to the temp folder); fails the test on a non-zero exit.
  void sh(const std::string& command, const std::string& dir = "repo");
  // Writes `content` to `rel` (relative to the temp folder), creating folders.
  void write(const std::string& rel, const std::string& content);
  // `git init` of temp/repo with a local identity.
  void init_repo();
  std::string path(const std::string& rel) const { return tmp_ + "/" + rel; }

  std::string tmp_;
};

// A valid LFS pointer text for `content`.
std::string pointer_for(const std::string& content);

}  // namespace ohm::git::testing
