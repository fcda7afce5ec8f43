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
#include "fs/file_reader.h"
#include "onnx/external_data.h"
#include "onnx/ports.h"
#include "onnx/tensor_size.h"

namespace ohm::onnx {

// What the ONNX checker (onnx::checker::check_model of libonnx 1.12, the C++
// behind python3-onnx's onnx.checker.check_model) says about a model.
struct CheckerVerdict {
  bool passed = false;
  // Why not, as libonnx words it; its first line is the first line of the
  // Python exception's str(). Empty when passed.
  std::string message;
  // Non-empty when the verdict could not be decided on the streamed model
  // (it needed payload bytes the reader does not keep); says why. passed and
  // message are then left unset.
  std::string undecided;
  // What libonnx printed while checking (removed experimental ops), captured.
  std::string log;
  // The checker's worker process died or ran out of time or memory
  // (`model.checker.crashed`); message says which, passed is false.
  bool crashed = false;
};

// What ModelReader::finish does beyond SPEC 5 inspection. Shape inference and
// the checker run in worker processes (isolation.h), from any thread.
struct FinishOptions {
  // SPEC 5 inspection (opset, io_ports with shape inference, feature shapes);
  // false when only the checks are wanted (the ports are known by sha).
  bool inspect = true;
  bool run_checker = false;  // set ModelInfo::checker
  bool full_check = false;   // with run_checker: check_model(full_check=True), strict shape inference
  // The folder external data locations are resolved in: the model file's
  // folder, as onnx.checker.check_model(path) does. "" resolves them in the
  // current directory, as check_model(ModelProto) does.
  std::string model_dir;
  // False when the model is not a file on disk (a git revision, the index, a
  // MemorySource): the checker then takes every side file as present, and the
  // caller checks them itself (zoo/external_data.h).
  bool side_files_on_disk = true;
};

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
  // Shape inference's worker died or ran out of time or memory (a warning
  // onnx.inference.crashed or .timeout says so): the full check does not try again.
  bool inference_broke = false;
  // Inferred shape of each requested feature tensor found in the graph (SPEC 5 extra_ports).
  std::map<std::string, std::vector<std::int64_t>> feature_shapes;
  // Set when FinishOptions::run_checker.
  std::optional<CheckerVerdict> checker;
  // Tensors whose payload does not fit their dims and type (`model.tensor-size`),
  // in file order: at most 1000 of them, and how many there were in all.
  std::vector<TensorSizeFault> tensor_size_faults;
  std::uint64_t tensor_size_fault_count = 0;
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

  // Instead of feed(): reads the model of a file of `size` bytes through
  // positional reads that pass over its payloads, so a large model's
  // structure is known long before the whole file has streamed past a hash
  // (what feed() of every byte would make of it, in few and small reads).
  std::optional<Error> read_structure(std::uint64_t size, const fs::ReadAt& read_at);

  // Call before reading to have end_walk() give a digest of the walk: two
  // readers with the same digest made the same model of their bytes (the
  // payloads passed over only move the position), so one's finish() stands
  // for the other's.
  void record_walk();
  // Ends reading (finish() follows) and returns the walk's digest ("" unless record_walk()).
  const std::string& end_walk();

  // Ends the stream: parses what was fed, runs shape inference and returns the
  // model's info, with the inferred shapes of `feature_tensors`, and runs the
  // ONNX checker as `options` asks. A truncated or corrupt model is a problem
  // model.unreadable ("truncated at byte N", ...); onnx.inference.unsupported,
  // a feature tensor not found, ... are warnings in the info. A model the
  // checker refuses is still a value (ModelInfo::checker says why); the
  // checker never throws or prints.
  Result<ModelInfo> finish(const std::vector<std::string>& feature_tensors = {}, const FinishOptions& options = {});

  // The verdict of finish() with run_checker, also when finish() returned an
  // Error after the model parsed: a model SPEC 5 cannot inspect (one without a
  // default-domain opset, say) is still checked. nullopt when the model did
  // not parse or the checker was not asked for.
  const std::optional<CheckerVerdict>& checker_verdict() const;

  // Every tensor fed so far that keeps its data in a side file, in file order
  // (known while feeding; finish() is not needed, so reused ports cost no parse).
  const std::vector<ExternalDataRef>& external_data() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ohm::onnx
