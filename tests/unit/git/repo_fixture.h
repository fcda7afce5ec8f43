#pragma once
// A fresh temp folder per test (testkit::TempDirTest), with helpers to build a
// git repository in it through the git CLI (the product itself never runs git).

#include <gtest/gtest.h>

#include <string>

#include "temp_dir.h"
#include "zoo_fixture.h"

namespace ohm::git::testing {

class RepoTest : public testkit::TempDirTest {
 protected:
  void SetUp() override;

  // Runs `command` with sh in `dir` (relative to the temp folder); fails the test on a non-zero exit.
  void sh(const std::string& command, const std::string& dir = "repo");
  // `git init` of temp/repo with a local identity.
  void init_repo();
};

using ohm::testkit::pointer_for;

}  // namespace ohm::git::testing
