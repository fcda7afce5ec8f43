#pragma once
// Private to lib/onnx: the messages between the tool and its libonnx worker
// processes (isolation.h). A frame is a 32-bit code (the operation, or the
// answer's status) and a list of byte strings, each with a 64-bit length,
// all little-endian; models travel as serialized ModelProto.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ohm::onnx::detail {

// What a request asks the worker to do.
enum class WorkerOp : std::uint32_t {
  // [model, mode "lenient"|"lenient-without-value-info"|"strict", names of value_info wanted...]
  //   -> kOk [ports graph: inputs, outputs, the value_info wanted; log] | kThrew [message, log]
  kInfer = 1,
  kCheck = 2,        // [model, model_dir] -> kOk [log] | kThrew [message, log]
  kTestCrash = 100,  // (tests) dies by SIGSEGV
  kTestSpin = 101,   // (tests) never answers
  kTestProbe = 102,  // (tests) -> kOk ["open=ERRNO socket=ERRNO"]
  kTestHog = 103,    // (tests) allocates until it cannot
};

// How the worker answered.
enum class WorkerStatus : std::uint32_t {
  kOk = 0,
  kThrew = 1,        // libonnx threw: the first field is its message
  kOutOfMemory = 2,  // an allocation failed (the worker then exits)
  kBadRequest = 3,
};

struct Frame {
  std::uint32_t code = 0;
  std::vector<std::string> fields;
};

// The largest frame either side accepts (the model's structure is at most 2 GiB).
inline constexpr std::uint64_t kMaxFrameBytes = std::uint64_t{3} << 30;

// Writes `frame` to `fd`, whole. False when the other side is gone or the
// deadline (CLOCK_MONOTONIC milliseconds, 0 = none) passed.
bool write_frame(int fd, const Frame& frame, std::int64_t deadline_ms);

enum class ReadStatus { kOk, kClosed, kTimedOut, kMalformed };

// Reads one frame from `fd`, growing buffers only as bytes arrive.
ReadStatus read_frame(int fd, Frame& frame, std::int64_t deadline_ms);

// CLOCK_MONOTONIC now, in milliseconds.
std::int64_t monotonic_ms();

// The worker's side: answers one request (isolation_worker.cc). Never throws.
Frame handle_request(Frame request);

}  // namespace ohm::onnx::detail
