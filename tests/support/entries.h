#pragma once
// The one manifest-entry builder of the unit tests.

#include <cstdint>
#include <string>
#include <vector>

#include "manifest/entry.h"

namespace ohm::testkit {

// An entry with every required field: sha 64 x `sha`, 10 bytes, ONNX 1.9.
inline manifest::Entry entry(const std::string& model, const std::string& path, char sha = 'a', std::int64_t opset = 13,
                             std::vector<std::string> tags = {"vision"}) {
  manifest::Entry e;
  e.model = model;
  e.model_path = path;
  e.onnx_version = "1.9";
  e.opset_version = opset;
  e.model_sha = std::string(64, sha);
  e.model_bytes = 10;
  e.tags = std::move(tags);
  return e;
}

}  // namespace ohm::testkit
