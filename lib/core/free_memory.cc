#include "core/free_memory.h"

#include <malloc.h>

#include <mutex>

// mimalloc's, when the program links it: weak references, so that the
// library builds and runs the same without it (tests, sanitizer builds).
extern "C" void mi_collect(bool force) __attribute__((weak));
extern "C" long mi_option_get(int option) __attribute__((weak));
extern "C" void mi_option_set(int option, long value) __attribute__((weak));

namespace ohm::core {
namespace {

bool have_mimalloc() { return mi_collect != nullptr && mi_option_get != nullptr && mi_option_set != nullptr; }

// mimalloc's options are the process's: the first scope in sets the delay to
// 0, the last out puts it back.
std::mutex scopes_lock;
int scopes = 0;
long delay_before = 0;

}  // namespace

ReleaseFreedPages::ReleaseFreedPages(bool active) : active_(active) {
  if (!active_ || !have_mimalloc()) return;
  std::lock_guard<std::mutex> hold(scopes_lock);
  if (scopes++ == 0) {
    delay_before = mi_option_get(kMimallocDecommitDelay);
    mi_option_set(kMimallocDecommitDelay, 0);
  }
}

ReleaseFreedPages::~ReleaseFreedPages() {
  if (!active_) return;
  if (!have_mimalloc()) {
    ::malloc_trim(0);
    return;
  }
  mi_collect(true);
  std::lock_guard<std::mutex> hold(scopes_lock);
  if (--scopes == 0) mi_option_set(kMimallocDecommitDelay, delay_before);
}

}  // namespace ohm::core
