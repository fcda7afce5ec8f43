#include "zoo/counting_source.h"

namespace ohm::zoo {

fs::ChunkSink CountingSource::counted(const fs::ChunkSink& sink) const {
  return [this, &sink](std::string_view chunk) {
    bytes_ += chunk.size();
    return sink(chunk);
  };
}

Result<std::string> CountingSource::read(const std::string& rel, std::uint64_t max_bytes) const {
  Result<std::string> text = inner_.read(rel, max_bytes);
  if (text) bytes_ += text->size();
  return text;
}

Result<std::uint64_t> CountingSource::stream(const std::string& rel, const fs::ChunkSink& sink) const {
  return inner_.stream(rel, counted(sink));
}

Result<std::uint64_t> CountingSource::stream_lfs_object(const LfsPointer& pointer, const fs::ChunkSink& sink) const {
  return inner_.stream_lfs_object(pointer, counted(sink));
}

}  // namespace ohm::zoo
