// Prints our ONNX checker verdict for each item of a list, one JSON line per
// item, flushed as it goes: {"file", "mode", "passed", "message"} (message:
// first line only), or "undecided" / "error" instead. The list file holds one
// "default|full<TAB>path" line per item; START skips the first items, so that
// compare_checker.py can resume after a crash. Each model is read the way the
// tool reads it: one streaming pass feeding the reader chunk by chunk.
//
// Usage: ohm_checker_driver LIST START
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "fs/file_reader.h"
#include "manifest/entry.h"
#include "onnx/model_reader.h"

namespace {

using ohm::manifest::Json;

Json verdict_line(const std::string& mode, const std::string& path) {
  Json line = Json::object();
  line["file"] = path;
  line["mode"] = mode;
  ohm::onnx::ModelReader reader;
  auto streamed = ohm::fs::stream_regular_file(path, [&](std::string_view chunk) {
    reader.feed(chunk);
    return true;
  });
  if (!streamed) {
    line["error"] = streamed.error();
    return line;
  }
  ohm::onnx::FinishOptions options;
  options.run_checker = true;
  options.full_check = mode == "full";
  const auto slash = path.find_last_of('/');
  options.model_dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  auto info = reader.finish({}, options);
  if (!reader.checker_verdict()) {
    line["error"] = info ? std::string("no verdict") : info.error();
    return line;
  }
  const auto& v = *reader.checker_verdict();
  if (!v.undecided.empty()) {
    line["undecided"] = v.undecided;
    return line;
  }
  line["passed"] = v.passed;
  line["message"] = v.message.substr(0, v.message.find('\n'));
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: ohm_checker_driver LIST START\n";
    return 2;
  }
  std::ifstream list(argv[1]);
  if (!list) {
    std::cerr << "checker_driver: cannot read " << argv[1] << "\n";
    return 2;
  }
  const long start = std::stol(argv[2]);
  long at = 0;
  for (std::string item; std::getline(list, item); ++at) {
    if (at < start || item.empty()) continue;
    const auto tab = item.find('\t');
    const std::string mode = item.substr(0, tab);
    const std::string path = tab == std::string::npos ? std::string() : item.substr(tab + 1);
    std::cout << verdict_line(mode, path).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  }
  return 0;
}
