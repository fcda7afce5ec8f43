#include "fs/atomic_write.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace ohm::fs {

Result<void> write_file_atomically(const std::string& path, std::string_view content) {
  std::string pattern = path + ".tmp.XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) return Error{"cannot write " + path + ": " + std::strerror(errno)};
  std::string tmp(name.data());
  auto fail = [&](const std::string& what) -> Result<void> {
    std::string reason = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return Error{"cannot write " + path + ": " + what + ": " + reason};
  };
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; a manifest is meant to be shared like any source file.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0) return fail("fsync");
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Error{"cannot write " + path + ": close: " + std::strerror(errno)};
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    ::unlink(tmp.c_str());
    return Error{"cannot write " + path + ": " + reason};
  }
  return {};
}

}  // namespace ohm::fs
