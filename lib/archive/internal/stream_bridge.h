#pragma once
// Turns a push-style byte stream (a function that calls a sink with chunks,
// like Source::stream or fs::stream_regular_file) into the pull-style reads
// libarchive wants. The producer runs on a worker thread and hands over one
// chunk at a time without copying: it waits in the sink until the consumer
// asks for the next chunk. Every chunk is hashed as it passes, and after the
// consumer stops early the rest is still read (and hashed), so the sha256 and
// size always describe the whole stream, read exactly once.

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "archive/tarball.h"
#include "hash/sha256.h"

namespace ohm::archive {

class StreamBridge {
 public:
  // Starts `stream` on a worker thread.
  explicit StreamBridge(const StreamFn& stream);
  // Stops consuming and joins the worker if finish() was not called.
  ~StreamBridge();
  StreamBridge(const StreamBridge&) = delete;
  StreamBridge& operator=(const StreamBridge&) = delete;

  // The next chunk, valid until the following call; empty at the end.
  std::string_view next();

  // Stops consuming, lets the producer read the rest, and joins it. Returns the
  // producer's result (an error when the stream could not be read).
  Result<std::uint64_t> finish();

  // Digest and size of everything the producer delivered; call after finish().
  const std::string& sha256() const { return digest_; }
  std::uint64_t bytes() const { return bytes_; }

 private:
  void run(const StreamFn& stream);

  std::mutex mutex_;
  std::condition_variable changed_;
  std::string_view chunk_;
  bool has_chunk_ = false;  // chunk_ is set and the producer waits for its release
  bool holding_ = false;    // the consumer has taken chunk_ (guards a chunk it never saw)
  bool producer_done_ = false;
  bool consumer_done_ = false;
  std::optional<Result<std::uint64_t>> result_;
  hash::Sha256 hasher_;  // touched by the producer only, read after join
  std::string digest_;
  std::uint64_t bytes_ = 0;
  std::thread worker_;
  bool joined_ = false;
};

}  // namespace ohm::archive
