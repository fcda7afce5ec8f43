#pragma once
// A Source that counts the bytes read through it (files and LFS store objects),
// for generate --stats and for tests that prove a clean tree is not re-read,
// and how often each file was opened (tests that prove a file is read once).

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "zoo/source.h"

namespace ohm::zoo {

class CountingSource : public Source {
 public:
  explicit CountingSource(const Source& inner) : inner_(inner) {}

  // Bytes delivered by read(), stream() and stream_lfs_object() so far.
  std::uint64_t bytes_read() const { return bytes_.load(); }
  // Calls of read() and stream() for `rel`, or of stream_lfs_object() for
  // "lfs:<oid>", so far.
  std::size_t times_read(const std::string& rel) const;

  std::string describe() const override { return inner_.describe(); }
  fs::FileStatus stat(const std::string& rel) const override { return inner_.stat(rel); }
  Result<std::string> read(const std::string& rel, std::uint64_t max_bytes) const override;
  Result<std::uint64_t> stream(const std::string& rel, const fs::ChunkSink& sink) const override;
  Result<std::vector<std::string>> list_files() const override { return inner_.list_files(); }
  std::optional<LfsPointer> clean_lfs_pointer(const std::string& rel) const override {
    return inner_.clean_lfs_pointer(rel);
  }
  std::optional<std::string> git_dir() const override { return inner_.git_dir(); }
  Result<std::uint64_t> stream_lfs_object(const LfsPointer& pointer, const fs::ChunkSink& sink) const override;
  std::string repo_prefix() const override { return inner_.repo_prefix(); }
  std::optional<std::string> disk_path(const std::string& rel) const override { return inner_.disk_path(rel); }
  std::optional<std::string> object_id(const std::string& rel) const override { return inner_.object_id(rel); }

 private:
  fs::ChunkSink counted(const fs::ChunkSink& sink) const;
  void opened(const std::string& what) const;

  const Source& inner_;
  mutable std::atomic<std::uint64_t> bytes_{0};
  mutable std::mutex lock_;  // the --jobs threads read at once
  mutable std::map<std::string, std::size_t> opened_;
};

}  // namespace ohm::zoo
