// Prints, for each model file named on the command line (or one per line in
// a file given as @LIST), one JSON line: {"file", "io_ports"} or {"file", "error"},
// plus the warnings reported. Reads each file the way `generate` does: one
// streaming pass feeding the reader chunk by chunk.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "fs/file_reader.h"
#include "manifest/ports_json.h"
#include "onnx/model_reader.h"

namespace {

ohm::manifest::Json inspect(const std::string& path) {
  ohm::manifest::Json line = ohm::manifest::Json::object();
  line["file"] = path;
  ohm::onnx::ModelReader reader;
  auto streamed = ohm::fs::stream_regular_file(path, [&](std::string_view chunk) {
    reader.feed(chunk);
    return true;
  });
  if (!streamed) {
    line["error"] = streamed.error();
    return line;
  }
  auto info = reader.finish();
  if (!info) {
    line["error"] = info.error();
    return line;
  }
  line["io_ports"] = ohm::manifest::to_json(info->io_ports);
  line["opset"] = info->opset.value_or(0);
  ohm::manifest::Json warnings = ohm::manifest::Json::array();
  for (const auto& w : info->warnings) warnings.push_back(w.code + ": " + w.message);
  line["warnings"] = warnings;
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (!arg.empty() && arg[0] == '@') {
      std::ifstream list(arg.substr(1));
      if (!list) {
        std::cerr << "io_ports_driver: cannot read " << arg.substr(1) << "\n";
        return 2;
      }
      for (std::string f; std::getline(list, f);) {
        if (!f.empty()) files.push_back(f);
      }
    } else {
      files.push_back(arg);
    }
  }
  for (const auto& f : files)
    std::cout << inspect(f).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}
