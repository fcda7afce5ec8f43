#include "zoo_fixture.h"

#include <filesystem>

#include "core/text.h"
#include "hash/sha256.h"
#include "temp_dir.h"

namespace ohm::testkit {

zoo::MemorySource source_tree(const std::string& folder) {
  namespace stdfs = std::filesystem;
  const stdfs::path root = stdfs::path(OHM_SOURCE_DIR) / folder;
  zoo::MemorySource out;
  for (const auto& e : stdfs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    out.file(stdfs::relative(e.path(), root).generic_string(), slurp(e.path().string()));
  }
  return out;
}

std::string pointer_for(const std::string& content) {
  return "version https://git-lfs.github.com/spec/v1\noid sha256:" + hash::sha256_hex(content) + "\nsize " +
         std::to_string(content.size()) + "\n";
}

std::string model_readme(const std::vector<std::string>& rows) {
  std::string out = "# Models\n\n| Model | Download | ONNX version | Opset version |\n|---|---|---|---|\n";
  for (const std::string& row : rows) {
    std::vector<std::string> cells = split(row, '|');
    out += "| " + cells.at(0) + " | [model](" + cells.at(1) + ") | 1.14 | " + cells.at(2) + " |\n";
  }
  return out;
}

std::string index_readme(const std::vector<std::string>& folders) {
  std::string out = "# Zoo\n\n|Model Class |Description |\n|-|-|\n";
  for (const std::string& f : folders) out += "|[" + f + "](" + f + ") | models |\n";
  return out;
}

}  // namespace ohm::testkit
