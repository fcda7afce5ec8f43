#pragma once
// What changes between two manifests, entry by entry and field by field
// (generate --check's summary before its diff).

#include <string>
#include <vector>

#include "manifest/entry.h"

namespace ohm::manifest {

// One line per difference, by model_path in byte order: "<path>: added",
// "<path>: removed", or "<path>: <field>: <old> -> <new>" for each top-level
// or metadata field that differs (values as compact JSON, long ones cut).
std::vector<std::string> entry_changes(const std::vector<Entry>& before, const std::vector<Entry>& after);

}  // namespace ohm::manifest
