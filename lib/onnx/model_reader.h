#pragma once
// Reads an ONNX model from a stream of chunks (fed alongside hashing, so the
// file is read once), keeping the graph structure and small tensors only.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "onnx/ports.h"

namespace ohm::onnx {

// A finding about a model that still gives its ports (shape inference skipped
// or failed, a feature tensor not found): the caller files it where the model
// came from (its README row, or the file for inspect).
struct ModelWarning {
  std::string code;     // check id
  std::string message;  // one line, without the model's path
};

struct ModelInfo {
  std::optional<std::int64_t> opset;  // version of the default domain ("" or "ai.onnx")
  std::int64_t ir_version = 0;
  std::string producer_name;
  std::string producer_version;
  std::vector<std::pair<std::string, std::int64_t>> opset_imports;  // file order
  IoPorts io_ports;                                                 // SPEC 5
  bool uses_external_data = false;                                  // some tensor keeps its data in a side file
  std::vector<ModelWarning> warnings;
  // Inferred shape of each requested feature tensor found in the graph (SPEC 5 extra_ports).
  std::map<std::string, std::vector<std::int64_t>> feature_shapes;
};

// Consumes a model's bytes chunk by chunk. Memory stays bounded by the graph
// structure plus small tensors, whatever the file size.
class ModelReader {
 public:
  ModelReader();
  ~ModelReader();
  ModelReader(const ModelReader&) = delete;
  ModelReader& operator=(const ModelReader&) = delete;

  // Feeds the next chunk of the file. Never fails; problems surface in finish().
  void feed(std::string_view chunk);

  // Ends the stream: parses what was fed, runs shape inference and returns the
  // model's info, with the inferred shapes of `feature_tensors`. A truncated
  // or corrupt model is a problem model.unreadable ("truncated at byte N", ...);
  // onnx.inference.unsupported, a feature tensor not found, ... are warnings
  // in the info.
  Result<ModelInfo> finish(const std::vector<std::string>& feature_tensors = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ohm::onnx
