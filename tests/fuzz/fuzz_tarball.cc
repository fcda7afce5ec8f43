// Fuzz target: .tar.gz bytes -> read_tarball (libarchive through the stream
// bridge, path rules, limits), with each model entry fed to a ModelReader-like
// sink, then report_listing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "archive/tarball.h"
#include "onnx/internal/wire_walker.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ohm::archive::ReadOptions options;
  // Small caps so the limit paths are reachable.
  options.limits.max_entries = 64;
  options.limits.max_unpacked_bytes = 1u << 20;
  std::uint64_t fed = 0;
  ohm::onnx::detail::WireWalker walker;
  options.model_sink = [&](const ohm::archive::EntryInfo&) -> ohm::fs::ChunkSink {
    return [&](std::string_view chunk) {
      fed += chunk.size();
      walker.feed(chunk);
      return fed < (4u << 20);
    };
  };
  auto listing = ohm::archive::read_tarball(ohm::archive::stream_bytes(bytes), options);
  (void)walker.finish();
  if (!listing) return 0;
  if (listing->bytes != size) __builtin_trap();  // the whole stream is always hashed
  if (listing->entries.size() > options.limits.max_entries + 1) __builtin_trap();
  ohm::Diagnostics diags;
  ohm::archive::report_listing(*listing, "m.tar.gz", diags);
  for (const auto& e : listing->entries) (void)ohm::archive::describe(e.kind);
  return 0;
}
