#pragma once
// The one temp-folder fixture of the unit tests (ccache's TestContext, ninja's
// ScopedTempDir): a fresh folder per test, removed after it, with helpers to
// write and read files in it.

#include <gtest/gtest.h>

#include <string>

namespace ohm::testkit {

class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // `rel` inside the temp folder.
  std::string path(const std::string& rel) const { return dir_ + "/" + rel; }
  // Writes `content` to `rel`, creating folders on the way.
  void write(const std::string& rel, const std::string& content) const;
  // Names in the temp folder (or `rel` inside it), sorted; hidden ones too.
  std::vector<std::string> list(const std::string& rel = "") const;

  std::string dir_;
};

// The whole file at `path` ("" when it cannot be read).
std::string slurp(const std::string& path);

// A file of the source tree (OHM_SOURCE_DIR/rel).
std::string source_file(const std::string& rel);

}  // namespace ohm::testkit
