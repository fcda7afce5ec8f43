#pragma once
// Reading files of the source tree in validate tests.

#include <fstream>
#include <sstream>
#include <string>

namespace ohm::validate::testing {

// The whole file at `path` ("" when it cannot be read).
inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline std::string source_file(const std::string& rel) { return slurp(std::string(OHM_SOURCE_DIR) + "/" + rel); }

}  // namespace ohm::validate::testing
