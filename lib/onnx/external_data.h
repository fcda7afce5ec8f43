#pragma once
// Where a tensor keeps its values when they live in a side file (ONNX
// external data: data_location EXTERNAL and external_data entries), as the
// model file writes it. The reader collects these without reading any side
// file; lib/zoo decides whether each location is safe and in range.

#include <cstdint>
#include <optional>
#include <string>

namespace ohm::onnx {

struct ExternalDataRef {
  std::string tensor;    // TensorProto.name ("" when unnamed)
  std::string location;  // the "location" entry as written ("" when absent)
  // The "offset" and "length" entries; nullopt when absent (offset 0, length
  // to the end of the file, as onnx's loader reads them).
  std::optional<std::uint64_t> offset, length;
  // Non-empty when an "offset" or "length" entry is not a non-negative
  // decimal integer: names the entry and its text.
  std::string bad_number;
};

}  // namespace ohm::onnx
