#pragma once
// Which feature-tensor table a zoo uses (SPEC 5 extra_ports).

#include <map>
#include <string>

#include "core/result.h"
#include "zoo/source.h"

namespace ohm::zoo {

// The zoo's own table, committed at this path, overrides the built-in one.
constexpr const char* kZooFeatureTable = ".onnx-hub-manifest/feature_tensors.json";

// `override_file` when given (a path on disk), else the zoo's committed
// table, else the table built into the tool. Fails on an unreadable or
// malformed table, naming the file.
Result<std::map<std::string, std::string>> feature_table_for(const Source& source, const std::string& override_file);

}  // namespace ohm::zoo
