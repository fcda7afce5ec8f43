#include "temp_dir.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ohm::testkit {

namespace stdfs = std::filesystem;

void TempDirTest::SetUp() {
  std::string pattern = (stdfs::temp_directory_path() / "ohm-test-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  dir_ = pattern;
}

void TempDirTest::TearDown() {
  std::error_code ec;
  stdfs::remove_all(dir_, ec);
}

void TempDirTest::write(const std::string& rel, const std::string& content) const {
  stdfs::path p = path(rel);
  stdfs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

std::vector<std::string> TempDirTest::list(const std::string& rel) const {
  std::vector<std::string> names;
  for (const auto& e : stdfs::directory_iterator(rel.empty() ? dir_ : path(rel))) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string source_file(const std::string& rel) { return slurp(std::string(OHM_SOURCE_DIR) + "/" + rel); }

}  // namespace ohm::testkit
