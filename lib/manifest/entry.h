#pragma once
// One entry of ONNX_HUB_MANIFEST.json (SPEC 1), as plain values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "manifest/shared_json.h"

namespace ohm::manifest {

struct Entry {
  std::string model;
  std::string model_path;
  std::string onnx_version;
  std::int64_t opset_version = 0;
  std::string model_sha;
  std::uint64_t model_bytes = 0;
  std::vector<std::string> tags;
  SharedJson io_ports;     // {"inputs": [...], "outputs": [...]}
  SharedJson extra_ports;  // {"features": [...]}
  std::optional<std::string> model_with_data_path;
  std::optional<std::string> model_with_data_sha;
  std::optional<std::uint64_t> model_with_data_bytes;
  // Side files of a model with external data: [{"path", "sha", "bytes"}],
  // sorted by path (written after the SPEC 1 keys; clients ignore it).
  SharedJson external_data;
  Json unknown_metadata = Json::object();  // keys the SPEC does not name, kept in order
  // Line of the entry in the manifest it came from, where the reader knows it
  // (validate's positions); 0 otherwise. Never written.
  int line = 0;
};

// The entry as SPEC 1 orders its keys (unknown metadata keys last).
Json to_json(const Entry& e);

// Whether `a` and `b` give the same to_json (their lines aside), compared
// field by field without building either.
bool same_entry(const Entry& a, const Entry& b);

}  // namespace ohm::manifest
