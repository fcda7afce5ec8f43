#include "onnx/feature_table.h"

#include <exception>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace ohm::onnx {

// Defined in the generated feature_table_data.cc.
std::string_view builtin_feature_table_json();

FeatureTable builtin_feature_table() {
  auto table = parse_feature_table(builtin_feature_table_json());
  return table ? std::move(*table) : FeatureTable{};
}

Result<FeatureTable> parse_feature_table(std::string_view text) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    const LineColumn at = line_column_at(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    const auto colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    return Error{"line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " + what};
  } catch (const std::exception& e) {
    return Error{e.what()};
  }
  if (!doc.is_object()) return Error{"the feature-tensor table must be a JSON object of model name -> tensor name"};
  FeatureTable table;
  for (const auto& [key, value] : doc.items()) {
    if (!value.is_string()) return Error{"the value for \"" + key + "\" is not a string"};
    table[key] = value.get<std::string>();
  }
  return table;
}

}  // namespace ohm::onnx
