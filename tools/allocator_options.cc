// mimalloc's options for generate and validate, set before any library
// starts: mimalloc reads its options when it starts, and its first segments
// are taken then. A zoo-wide run makes millions of small allocations in a
// fraction of a second; faulting their pages in 4 KiB at a time was a quarter
// of its time (bench part 3). Large OS pages, committed at once, take that
// away. Other commands (inspect, the libonnx workers) keep mimalloc's
// defaults: their memory stays small. An option set in the environment wins.
// Built only into a tool that links mimalloc (tools/CMakeLists.txt), and so
// the one place that checks what lib/core assumes of mimalloc.
#include <mimalloc.h>

#include <cstring>

#include "core/free_memory.h"

// lib/core sets the decommit delay by its index, without linking mimalloc.
static_assert(mi_option_decommit_delay == ohm::core::kMimallocDecommitDelay,
              "core::ReleaseFreedPages sets another mimalloc option than the decommit delay");

namespace {

bool in_environment(char** envp, const char* name) {
  const std::size_t n = std::strlen(name);
  for (char** e = envp; e && *e; ++e) {
    if (std::strncmp(*e, name, n) == 0 && (*e)[n] == '=') return true;
  }
  return false;
}

void set_allocator_options(int argc, char** argv, char** envp) {
  if (argc < 2 || (std::strcmp(argv[1], "generate") != 0 && std::strcmp(argv[1], "validate") != 0)) return;
  if (!in_environment(envp, "MIMALLOC_LARGE_OS_PAGES")) mi_option_set(mi_option_large_os_pages, 1);
  if (!in_environment(envp, "MIMALLOC_EAGER_COMMIT_DELAY")) mi_option_set(mi_option_eager_commit_delay, 0);
}

// Run by the dynamic loader before any library's initializer (mimalloc's
// among them), with the process's arguments and environment.
__attribute__((section(".preinit_array"), used)) void (*const allocator_options_at_start)(int, char**, char**) =
    set_allocator_options;

}  // namespace
