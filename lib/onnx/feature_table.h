#pragma once
// The feature-tensor table (SPEC 5 extra_ports): model name -> name of the
// tensor whose inferred shape is published as the model's feature port.

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ohm::onnx {

using FeatureTable = std::map<std::string, std::string>;

// The table built into the tool (data/feature_tensors.json at build time).
FeatureTable builtin_feature_table();

// Parses a table: one JSON object whose values are all strings. Fails with
// "line N, column M: ..." on malformed JSON, or names the first key whose
// value is not a string.
Result<FeatureTable> parse_feature_table(std::string_view text);

}  // namespace ohm::onnx
