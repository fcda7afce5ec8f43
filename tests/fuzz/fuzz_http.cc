// Fuzz target: a hub server's HTTP response, as fetch receives it. The input
// after its first byte is the raw response a loopback server (a thread of
// this process, no network) sends to one GET; remote_content -> http_get ->
// write_verified place it in a scratch folder. The first byte picks the size
// the manifest gives (bit 0: known, bits 1-7: the size); the sha256 is that of
// "hello\n". Whatever the server sends: on success the file is exactly the
// manifest's; on failure nothing is left, and the message is one line.
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "fs/folder.h"
#include "hub/content.h"

namespace {

std::mutex g_mu;
std::string g_response;  // what the server answers the next GET with

void serve_one(int fd) {
  timeval tv{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string request;
  char buf[4096];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    request.append(buf, static_cast<std::size_t>(n));
  }
  std::string response;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    response = g_response;
  }
  for (std::size_t at = 0; at < response.size();) {
    const ssize_t n = ::send(fd, response.data() + at, response.size() - at, MSG_NOSIGNAL);
    if (n <= 0) break;
    at += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  while (::recv(fd, buf, sizeof buf, 0) > 0) {
  }
  ::close(fd);
}

// Listens on 127.0.0.1 and answers each connection in turn; returns the port.
int start_server() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (s < 0 || ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(s, 16) != 0 ||
      ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::abort();
  }
  std::thread([s] {
    for (;;) {
      const int fd = ::accept(s, nullptr, nullptr);
      if (fd >= 0) serve_one(fd);
    }
  }).detach();
  return ntohs(addr.sin_port);
}

// Redirects would leave the loopback server (curl follows https ones): the
// fuzzer cannot write a Location header.
void no_redirects(std::string& response) {
  for (std::size_t i = 0; i + 8 <= response.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(response[i])) == 'l' &&
        std::tolower(static_cast<unsigned char>(response[i + 1])) == 'o' &&
        std::tolower(static_cast<unsigned char>(response[i + 2])) == 'c' &&
        std::tolower(static_cast<unsigned char>(response[i + 3])) == 'a') {
      response[i] = 'x';
    }
  }
}

bool folder_empty(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return false;
  bool empty = true;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") empty = false;
  }
  ::closedir(d);
  return empty;
}

struct Setup {
  std::string base;  // http://127.0.0.1:PORT/
  std::string dir;   // scratch folder for the placed file
};

const Setup& setup() {
  static const Setup s = [] {
    ::setenv("no_proxy", "*", 1);
    ::unsetenv("http_proxy");
    ::unsetenv("HTTP_PROXY");
    ::unsetenv("all_proxy");
    ::unsetenv("ALL_PROXY");
    char tmpl[] = "/tmp/ohm-fuzz-http-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) std::abort();
    return Setup{"http://127.0.0.1:" + std::to_string(start_server()) + "/", tmpl};
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Setup& s = setup();
  std::string response(reinterpret_cast<const char*>(data) + 1, size - 1);
  no_redirects(response);
  {
    std::lock_guard<std::mutex> lock(g_mu);
    g_response = std::move(response);
  }
  ohm::hub::Expected expected;
  expected.sha256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";  // "hello\n"
  if (data[0] & 1) expected.bytes = data[0] >> 1;
  ohm::hub::HttpOptions options;
  options.connect_timeout_s = 2;
  options.stall_timeout_s = 2;
  options.retries = 0;
  options.allow_http = true;
  const std::string dest = s.dir + "/model.onnx";
  auto content = ohm::hub::remote_content(s.base, options);
  auto folder = ohm::fs::Folder::open(s.dir);
  if (!folder) __builtin_trap();
  auto placed = content->place("vision/m/model.onnx", expected, *folder, "model.onnx");
  if (placed) {
    if (!ohm::hub::file_matches(dest, expected)) __builtin_trap();  // only the manifest's bytes land
    ::unlink(dest.c_str());
  } else if (placed.failure().message.empty() || placed.failure().message.find('\n') != std::string::npos) {
    __builtin_trap();
  }
  if (!folder_empty(s.dir)) __builtin_trap();  // no temp file or partial download left
  return 0;
}
