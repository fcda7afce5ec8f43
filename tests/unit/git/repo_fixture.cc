#include "repo_fixture.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "hash/sha256.h"

namespace ohm::git::testing {

void RepoTest::SetUp() {
  for (const char* v : {"GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES"}) {
    ::unsetenv(v);
  }
  std::string templ = (std::filesystem::temp_directory_path() / "ohm-git-XXXXXX").string();
  ASSERT_NE(::mkdtemp(templ.data()), nullptr);
  tmp_ = templ;
}

void RepoTest::TearDown() { std::filesystem::remove_all(tmp_); }

void RepoTest::sh(const std::string& command, const std::string& dir) {
  std::string full = "cd '" + path(dir) + "' && { " + command + " ; } >/dev/null 2>&1";
  ASSERT_EQ(std::system(full.c_str()), 0) << command;
}

void RepoTest::write(const std::string& rel, const std::string& content) {
  std::filesystem::path p = path(rel);
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

void RepoTest::init_repo() {
  std::filesystem::create_directories(path("repo"));
  sh("git init -q -b main && git config user.email t@example.com && git config user.name T && "
     "git config commit.gpgsign false");
}

std::string pointer_for(const std::string& content) {
  return "version https://git-lfs.github.com/spec/v1\noid sha256:" + hash::sha256_hex(content) + "\nsize " +
         std::to_string(content.size()) + "\n";
}

}  // namespace ohm::git::testing
