#pragma once
// What --version prints on every command.

#include <string>

namespace ohm::cli {

// "onnx-hub-manifest 0.1.0 (abc1234)": the version and the git commit it was built from.
std::string version_line();

}  // namespace ohm::cli
