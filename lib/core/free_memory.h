// Returning freed memory to the operating system where a process drops
// something large.
#pragma once

namespace ohm::core {

// mimalloc's option mi_option_decommit_delay by its index, as lib/core sets it
// without linking mimalloc (tools/allocator_options.cc, built where the tool
// links it, asserts the index).
constexpr int kMimallocDecommitDelay = 15;

// While one is alive, the pages this process frees go back to the system at
// once, and its end returns what is still held free. mimalloc (which the tool
// links) keeps freed pages committed a while and glibc keeps its heap's top:
// right for many small allocations, wrong for a model's parse of tens of MB
// dropped while a libonnx worker builds its own.
// `active` false makes it do nothing (its callers release only after
// something large).
class ReleaseFreedPages {
 public:
  explicit ReleaseFreedPages(bool active);
  ~ReleaseFreedPages();
  ReleaseFreedPages(const ReleaseFreedPages&) = delete;
  ReleaseFreedPages& operator=(const ReleaseFreedPages&) = delete;

 private:
  bool active_;
};

}  // namespace ohm::core
