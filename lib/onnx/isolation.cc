#include "onnx/isolation.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/free_memory.h"
#include "onnx/internal/model_memory.h"
#include "onnx/internal/worker_pool.h"
#include "onnx/internal/worker_sandbox.h"

extern char** environ;

namespace ohm::onnx {
namespace {

using namespace detail;

constexpr const char kWorkerFlag[] = "--ohm-internal-onnx-worker";

struct Worker {
  pid_t pid = -1;
  int fd = -1;
  unsigned served = 0;
};

// The process-wide pool: the worker program, its limits and the idle workers.
class Pool {
 public:
  void enable(std::string exe) {
    std::lock_guard<std::mutex> lock(mu_);
    exe_ = std::move(exe);
  }
  bool enabled() {
    std::lock_guard<std::mutex> lock(mu_);
    return !exe_.empty();
  }
  void set_options(const IsolationOptions& o) {
    std::lock_guard<std::mutex> lock(mu_);
    options_ = o;
    for (Worker& w : idle_) retire(w);  // their limits are the old ones
    idle_.clear();
  }
  IsolationOptions options() {
    std::lock_guard<std::mutex> lock(mu_);
    return options_;
  }

  void prestart(unsigned count) {
    const IsolationOptions o = options();
    if (!enabled()) return;
    for (unsigned i = 0; i < count; ++i) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (idle_.size() >= o.max_idle) return;
      }
      std::string error;
      Worker w = spawn(o, error);
      if (w.pid < 0) return;  // the first request says why
      release(w, o);
    }
  }

  WorkerReply call(const Frame& request) {
    const IsolationOptions o = options();
    for (int attempt = 0;; ++attempt) {
      std::string error;
      Worker w = acquire(attempt > 0, o, error);
      if (w.pid < 0)
        return {WorkerReply::Kind::kCrashed, {}, "its worker process could not be started (" + error + ")"};
      const std::int64_t deadline = monotonic_ms() + o.timeout_ms;
      WorkerReply reply;
      ReadStatus read = ReadStatus::kClosed;
      if (write_frame(w.fd, request, deadline)) read = read_frame(w.fd, reply.answer, deadline);
      if (read == ReadStatus::kOk) {
        ++w.served;
        if (reply.answer.code == static_cast<std::uint32_t>(WorkerStatus::kOutOfMemory)) {
          retire(w);
          return {WorkerReply::Kind::kOutOfMemory, {}, "it ran out of memory"};
        }
        release(w, o);
        return reply;
      }
      const bool deadline_passed = read == ReadStatus::kTimedOut || monotonic_ms() >= deadline;
      ::kill(w.pid, SIGKILL);
      const int status = reap(w);
      if (deadline_passed || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
        return {WorkerReply::Kind::kTimedOut, {}, "it took longer than " + std::to_string(o.timeout_ms / 1000) + " s"};
      }
      if (w.served > 0 && attempt == 0) continue;  // maybe an earlier model's damage: ask a fresh worker
      return {WorkerReply::Kind::kCrashed, {}, "its worker process died"};
    }
  }

 private:
  Worker acquire(bool fresh, const IsolationOptions& o, std::string& error) {
    if (!fresh) {
      std::lock_guard<std::mutex> lock(mu_);
      while (!idle_.empty()) {
        Worker w = idle_.back();
        idle_.pop_back();
        int status = 0;
        if (::waitpid(w.pid, &status, WNOHANG) == 0) return w;  // still alive
        ::close(w.fd);
      }
    }
    return spawn(o, error);
  }

  void release(Worker& w, const IsolationOptions& o) {
    std::lock_guard<std::mutex> lock(mu_);
    if (idle_.size() < o.max_idle && w.served < 10000) {
      idle_.push_back(w);
      return;
    }
    retire(w);
  }

  // Closing its socket ends an idle worker; reaping it does not wait long.
  static void retire(Worker& w) {
    ::close(w.fd);
    ::kill(w.pid, SIGKILL);
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  static int reap(Worker& w) {
    ::close(w.fd);
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0) {
      if (errno != EINTR) return 0;
    }
    return status;
  }

  Worker spawn(const IsolationOptions& o, std::string& error) {
    std::string exe;
    {
      std::lock_guard<std::mutex> lock(mu_);
      exe = exe_;
    }
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
      error = std::strerror(errno);
      return {};
    }
    // The child's end must not be 0-2 itself (dup2 onto itself keeps CLOEXEC).
    if (fds[1] < 3) {
      const int moved = ::fcntl(fds[1], F_DUPFD_CLOEXEC, 3);
      ::close(fds[1]);
      fds[1] = moved;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    const std::string memory = std::to_string(o.memory_bytes);
    const std::string cpu = std::to_string((o.timeout_ms + 999) / 1000);
    std::vector<char*> argv = {const_cast<char*>(exe.c_str()), const_cast<char*>(kWorkerFlag),
                               const_cast<char*>(memory.c_str()), const_cast<char*>(cpu.c_str()), nullptr};
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
      ::close(fds[0]);
      error = std::strerror(rc);
      return {};
    }
    return Worker{pid, fds[0], 0};
  }

  std::mutex mu_;
  std::string exe_;
  IsolationOptions options_;
  std::vector<Worker> idle_;
};

// Never destroyed: idle workers end when this process exits and their socket closes.
Pool& pool() {
  static Pool* p = new Pool();
  return *p;
}

std::string this_executable(const char* argv0) {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) return std::string(buf, static_cast<std::size_t>(n));
  return argv0 != nullptr && std::strchr(argv0, '/') != nullptr ? std::string(argv0) : std::string();
}

int serve(char** argv) {
  const std::uint64_t memory = std::strtoull(argv[2], nullptr, 10);
  const std::uint64_t cpu_seconds = std::strtoull(argv[3], nullptr, 10);
  handle_request(Frame{0, {}});  // warm up: libonnx's schema registry, before the filter
  enter_sandbox(memory);         // what the kernel refuses is left undone
  for (;;) {
    Frame request;
    if (read_frame(0, request, 0) != ReadStatus::kOk) ::_exit(0);
    set_cpu_budget(cpu_seconds);
    // After a large model, a worker holds only what it started with again.
    const core::ReleaseFreedPages released(!request.fields.empty() &&
                                           request.fields[0].size() >= detail::kLargeModelBytes);
    const Frame answer = handle_request(std::move(request));
    if (!write_frame(0, answer, 0)) ::_exit(0);
    if (answer.code == static_cast<std::uint32_t>(WorkerStatus::kOutOfMemory)) ::_exit(0);
  }
}

}  // namespace

std::optional<int> serve_worker_if_asked(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], kWorkerFlag) == 0) return serve(argv);
  std::string exe = this_executable(argc > 0 ? argv[0] : nullptr);
  if (!exe.empty()) pool().enable(std::move(exe));
  return std::nullopt;
}

void set_isolation_options(const IsolationOptions& options) { pool().set_options(options); }
IsolationOptions isolation_options() { return pool().options(); }
bool isolation_enabled() { return pool().enabled(); }
void start_idle_workers(unsigned count) { pool().prestart(count); }

namespace detail {

WorkerReply call_worker(const Frame& request) {
  if (!pool().enabled()) {
    WorkerReply reply;
    reply.answer = handle_request(request);
    if (reply.answer.code == static_cast<std::uint32_t>(WorkerStatus::kOutOfMemory)) {
      return {WorkerReply::Kind::kOutOfMemory, {}, "it ran out of memory"};
    }
    return reply;
  }
  return pool().call(request);
}

}  // namespace detail
}  // namespace ohm::onnx
