#pragma once
// Private to lib/onnx: what a libonnx worker process does to itself before it
// reads its first request, so that a model that takes control of libonnx
// can do no more than answer wrongly or die.

#include <cstdint>
#include <string>

namespace ohm::onnx::detail {

// Closes every descriptor but 0 (the request socket), 1 and 2 (/dev/null),
// caps the address space at the current size plus `memory_bytes` (skipped in
// sanitizer builds, whose shadow memory needs terabytes of address space),
// and installs the seccomp filter: read on fd 0, write on fds 0-2, memory
// (brk, mmap and mprotect without PROT_EXEC, munmap, mremap, madvise), futex,
// signals to itself, exit, getrusage and prlimit of its own CPU limit, and
// stat (the checker tests that external data files exist); every other call
// fails with EPERM. Returns what could not be done ("" when all was), for
// the worker to report: a kernel without seccomp still gets the limits.
std::string enter_sandbox(std::uint64_t memory_bytes);

// Lets the next request use at most `seconds` more CPU time (RLIMIT_CPU's
// soft limit past what the process has used; SIGXCPU ends it).
void set_cpu_budget(std::uint64_t seconds);

}  // namespace ohm::onnx::detail
