#pragma once
// The manifest's JSON for a model's ports (SPEC 1, 5): io_ports from the typed
// ports lib/onnx reads, and extra_ports from a feature tensor's shape.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "manifest/entry.h"
#include "onnx/ports.h"

namespace ohm::manifest {

// {"inputs": [{"name", "shape", "type"}...], "outputs": [...]}; a dim is an
// int, a string, or null when unknown.
Json to_json(const onnx::IoPorts& ports);

// The typed ports of an io_ports object; nullopt when it lacks that form (a
// hand-edited manifest: the schema reports it).
std::optional<onnx::IoPorts> ports_from_json(const Json& io_ports);

// {"features": [{"name": name, "shape": dims}]}.
Json features_json(const std::string& name, const std::vector<std::int64_t>& dims);

}  // namespace ohm::manifest
