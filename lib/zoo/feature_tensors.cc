#include "zoo/feature_tensors.h"

#include "onnx/feature_table.h"

namespace ohm::zoo {
namespace {

constexpr std::uint64_t kMaxTableBytes = 4u << 20;

Result<std::map<std::string, std::string>> parse_named(const Result<std::string>& text, const std::string& name) {
  if (!text) return text.failure();
  auto table = onnx::parse_feature_table(*text);
  if (!table) return with_prefix(table.failure(), name + ": ");
  return *table;
}

}  // namespace

Result<std::map<std::string, std::string>> feature_table_for(const Source& source, const std::string& override_file) {
  if (!override_file.empty()) {
    return parse_named(fs::read_regular_file(override_file, kMaxTableBytes), override_file);
  }
  if (source.stat(kZooFeatureTable).kind != fs::FileKind::kMissing) {
    return parse_named(source.read(kZooFeatureTable, kMaxTableBytes), kZooFeatureTable);
  }
  return onnx::builtin_feature_table();
}

}  // namespace ohm::zoo
