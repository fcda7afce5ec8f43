#pragma once
// What --version prints on every command.

#include <string>

namespace ohm::cli {

// "0.1.0 (commit abc1234)": the version and the git commit it was built from
// (cmake/version.cmake).
std::string version_line();

}  // namespace ohm::cli
