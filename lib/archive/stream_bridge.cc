#include "archive/internal/stream_bridge.h"

#include <exception>

namespace ohm::archive {

StreamBridge::StreamBridge(const StreamFn& stream) {
  worker_ = std::thread([this, &stream] { run(stream); });
}

StreamBridge::~StreamBridge() {
  if (!joined_) (void)finish();
}

void StreamBridge::run(const StreamFn& stream) {
  auto sink = [this](std::string_view chunk) {
    if (chunk.empty()) return true;  // an empty read would look like the end to libarchive
    hasher_.update(chunk);
    std::unique_lock<std::mutex> lock(mutex_);
    if (consumer_done_) return true;  // keep reading so the digest covers everything
    chunk_ = chunk;
    has_chunk_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return !has_chunk_ || consumer_done_; });
    return true;
  };
  Result<std::uint64_t> result = Error{"stream not read"};
  try {
    result = stream(sink);
  } catch (const std::exception& e) {  // a StreamFn must not take the process down
    result = Error{std::string("reading the archive failed: ") + e.what()};
  }
  std::lock_guard<std::mutex> lock(mutex_);
  result_ = std::move(result);
  producer_done_ = true;
  has_chunk_ = false;
  changed_.notify_all();
}

std::string_view StreamBridge::next() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (holding_) {  // done with the previous chunk: release the producer
    holding_ = false;
    has_chunk_ = false;
    changed_.notify_all();
  }
  changed_.wait(lock, [this] { return has_chunk_ || producer_done_; });
  if (!has_chunk_) return {};
  holding_ = true;
  return chunk_;
}

Result<std::uint64_t> StreamBridge::finish() {
  if (joined_) return result_ ? *result_ : Result<std::uint64_t>(Error{"stream not read"});
  {
    std::lock_guard<std::mutex> lock(mutex_);
    consumer_done_ = true;
    has_chunk_ = false;
    changed_.notify_all();
  }
  if (worker_.joinable()) worker_.join();
  joined_ = true;
  bytes_ = hasher_.bytes();
  digest_ = hasher_.hex_digest();
  if (!result_) return Error{"stream not read"};
  return *result_;
}

}  // namespace ohm::archive
