#pragma once
// Private to lib/onnx: sending one request to a libonnx worker (isolation.h).

#include <string>

#include "onnx/internal/worker_protocol.h"

namespace ohm::onnx::detail {

struct WorkerReply {
  enum class Kind { kAnswered, kCrashed, kTimedOut, kOutOfMemory };
  Kind kind = Kind::kAnswered;
  Frame answer;     // kAnswered
  std::string why;  // otherwise: what happened, as a phrase ("its worker process died")
};

// Runs `request` in a pooled worker process, or in this process when
// isolation is off. A worker that served earlier requests and dies is
// replaced and the request tried once more on a fresh one, so that a
// worker damaged by an earlier model never blames this one. Thread-safe.
WorkerReply call_worker(const Frame& request);

}  // namespace ohm::onnx::detail
