#include "onnx/internal/worker_protocol.h"

#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ohm::onnx::detail {
namespace {

// Waits until `fd` is ready for `events` or the deadline passes.
bool wait_for(int fd, short events, std::int64_t deadline_ms) {
  for (;;) {
    int timeout = -1;
    if (deadline_ms > 0) {
      const std::int64_t left = deadline_ms - monotonic_ms();
      if (left <= 0) return false;
      timeout = left > 1000000 ? 1000000 : static_cast<int>(left);
    }
    pollfd p{fd, events, 0};
    const int n = ::poll(&p, 1, timeout);
    if (n > 0) return true;
    if (n < 0 && errno != EINTR) return false;
  }
}

bool write_all(int fd, const char* data, std::size_t size, std::int64_t deadline_ms) {
  while (size > 0) {
    if (!wait_for(fd, POLLOUT, deadline_ms)) return false;
    // send() on the socket, so a vanished reader is EPIPE and never SIGPIPE.
    const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      if (errno == ENOTSOCK) {
        const ssize_t w = ::write(fd, data, size);
        if (w > 0) {
          data += w;
          size -= static_cast<std::size_t>(w);
          continue;
        }
      }
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// 0 bytes read at the start is kClosed; a short read later is kMalformed.
ReadStatus read_exact(int fd, char* data, std::size_t size, std::int64_t deadline_ms, bool at_start) {
  std::size_t got = 0;
  while (got < size) {
    if (!wait_for(fd, POLLIN, deadline_ms)) return ReadStatus::kTimedOut;
    const ssize_t n = ::read(fd, data + got, size - got);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return got == 0 && at_start ? ReadStatus::kClosed : ReadStatus::kMalformed;
    }
    if (n == 0) return got == 0 && at_start ? ReadStatus::kClosed : ReadStatus::kMalformed;
    got += static_cast<std::size_t>(n);
  }
  return ReadStatus::kOk;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
std::uint64_t get_le(const char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

}  // namespace

std::int64_t monotonic_ms() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

bool write_frame(int fd, const Frame& frame, std::int64_t deadline_ms) {
  std::string header;
  put_u32(header, frame.code);
  put_u32(header, static_cast<std::uint32_t>(frame.fields.size()));
  if (!write_all(fd, header.data(), header.size(), deadline_ms)) return false;
  for (const std::string& f : frame.fields) {
    std::string len;
    put_u64(len, f.size());
    if (!write_all(fd, len.data(), len.size(), deadline_ms)) return false;
    if (!write_all(fd, f.data(), f.size(), deadline_ms)) return false;
  }
  return true;
}

ReadStatus read_frame(int fd, Frame& frame, std::int64_t deadline_ms) {
  char header[8];
  if (ReadStatus s = read_exact(fd, header, sizeof header, deadline_ms, true); s != ReadStatus::kOk) return s;
  frame.code = static_cast<std::uint32_t>(get_le(header, 4));
  const std::uint64_t count = get_le(header + 4, 4);
  if (count > 16) return ReadStatus::kMalformed;
  frame.fields.clear();
  std::uint64_t total = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    char len[8];
    if (ReadStatus s = read_exact(fd, len, sizeof len, deadline_ms, false); s != ReadStatus::kOk) return s;
    const std::uint64_t size = get_le(len, 8);
    total += size;
    if (size > kMaxFrameBytes || total > kMaxFrameBytes) return ReadStatus::kMalformed;
    std::string& field = frame.fields.emplace_back();
    // Grow in steps as bytes arrive: a lying length costs nothing up front.
    while (field.size() < size) {
      const std::size_t step = static_cast<std::size_t>(std::min<std::uint64_t>(size - field.size(), 1u << 20));
      const std::size_t at = field.size();
      field.resize(at + step);
      if (ReadStatus s = read_exact(fd, field.data() + at, step, deadline_ms, false); s != ReadStatus::kOk) return s;
    }
  }
  return ReadStatus::kOk;
}

}  // namespace ohm::onnx::detail
