#include "repo_fixture.h"

#include <cstdlib>
#include <filesystem>

namespace ohm::git::testing {

void RepoTest::SetUp() {
  for (const char* v :
       {"GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES"}) {
    ::unsetenv(v);
  }
  TempDirTest::SetUp();
}

void RepoTest::sh(const std::string& command, const std::string& dir) {
  std::string full = "cd '" + path(dir) + "' && { " + command + " ; } >/dev/null 2>&1";
  ASSERT_EQ(std::system(full.c_str()), 0) << command;
}

void RepoTest::init_repo() {
  std::filesystem::create_directories(path("repo"));
  sh("git init -q -b main && git config user.email t@example.com && git config user.name T && "
     "git config commit.gpgsign false");
}

}  // namespace ohm::git::testing
