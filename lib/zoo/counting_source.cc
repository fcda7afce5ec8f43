#include "zoo/counting_source.h"

namespace ohm::zoo {

fs::ChunkSink CountingSource::counted(const fs::ChunkSink& sink) const {
  return [this, &sink](std::string_view chunk) {
    bytes_ += chunk.size();
    return sink(chunk);
  };
}

void CountingSource::opened(const std::string& what) const {
  std::lock_guard<std::mutex> hold(lock_);
  ++opened_[what];
}

std::size_t CountingSource::times_read(const std::string& rel) const {
  std::lock_guard<std::mutex> hold(lock_);
  auto it = opened_.find(rel);
  return it == opened_.end() ? 0 : it->second;
}

Result<std::string> CountingSource::read(const std::string& rel, std::uint64_t max_bytes) const {
  opened(rel);
  Result<std::string> text = inner_.read(rel, max_bytes);
  if (text) bytes_ += text->size();
  return text;
}

Result<std::uint64_t> CountingSource::stream(const std::string& rel, const fs::ChunkSink& sink) const {
  opened(rel);
  return inner_.stream(rel, counted(sink));
}

Result<std::uint64_t> CountingSource::stream_lfs_object(const LfsPointer& pointer, const fs::ChunkSink& sink) const {
  opened("lfs:" + pointer.oid);
  return inner_.stream_lfs_object(pointer, counted(sink));
}

}  // namespace ohm::zoo
