#pragma once
// libonnx behind a process boundary. Shape inference and the ONNX checker
// run in worker processes: this executable started again with a hidden
// first argument, each worker with an address-space limit, a CPU-time limit
// per request, a wall-clock deadline the caller enforces and, where the
// kernel allows, a seccomp filter that leaves it its request socket and
// memory and nothing else (no file, process or network access). A small
// pool keeps idle workers for reuse by any thread; one that dies is replaced.

#include <cstdint>
#include <optional>

namespace ohm::onnx {

struct IsolationOptions {
  std::int64_t timeout_ms = 60000;                      // wall clock per request (and its CPU time)
  std::uint64_t memory_bytes = std::uint64_t{2} << 30;  // address space beyond the worker's own
  unsigned max_idle = 4;                                // idle workers kept for reuse
};

// Call first in main(). When argv is a worker's (the hidden first argument),
// serves requests on stdin until it closes and returns the exit code.
// Otherwise turns isolation on for this process (this executable becomes the
// worker program) and returns nullopt. A process that never calls it (a
// fuzzer, a benchmark) runs libonnx in-process, unprotected.
std::optional<int> serve_worker_if_asked(int argc, char** argv);

// The limits of workers started from now on (tests shorten the deadline).
void set_isolation_options(const IsolationOptions& options);
IsolationOptions isolation_options();

// Whether requests go to worker processes (serve_worker_if_asked ran).
bool isolation_enabled();

// Starts up to `count` workers now and keeps them idle for the first
// requests: their start-up (loading libonnx, its schema registry) then
// overlaps what the caller does next, such as hashing the model. No-op when
// isolation is off.
void start_idle_workers(unsigned count);

}  // namespace ohm::onnx
