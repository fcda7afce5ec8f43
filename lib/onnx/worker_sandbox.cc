#include "onnx/internal/worker_sandbox.h"

#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <vector>

// The sanitizer builds (ASan and UBSan together, OHM_ENABLE_SANITIZERS or the fuzz build).
#if defined(__SANITIZE_ADDRESS__)
#define OHM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OHM_ASAN 1
#endif
#endif

namespace ohm::onnx::detail {
namespace {

#if defined(__x86_64__)
constexpr std::uint32_t kAuditArch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
constexpr std::uint32_t kAuditArch = AUDIT_ARCH_AARCH64;
#else
constexpr std::uint32_t kAuditArch = 0;  // no filter on other architectures
#endif

void close_other_fds() {
#ifdef SYS_close_range
  if (::syscall(SYS_close_range, 3u, ~0u, 0u) == 0) return;
#endif
  rlimit nofile{};
  long max = ::getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur != RLIM_INFINITY
                 ? static_cast<long>(nofile.rlim_cur)
                 : 65536;
  if (max > 65536) max = 65536;
  for (long fd = 3; fd < max; ++fd) ::close(static_cast<int>(fd));
}

#ifndef OHM_ASAN  // ASan reserves terabytes of shadow: no address-space limit under it
// The current address-space size, from /proc/self/statm (pages).
std::uint64_t current_vm_bytes() {
  FILE* f = std::fopen("/proc/self/statm", "re");
  if (f == nullptr) return 0;
  unsigned long pages = 0;
  const int got = std::fscanf(f, "%lu", &pages);
  std::fclose(f);
  return got == 1 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) : 0;
}
#endif

std::uint32_t arg_offset(int i) {
  return static_cast<std::uint32_t>(offsetof(seccomp_data, args) + 8 * static_cast<std::size_t>(i));
}

// A small BPF program builder.
class Filter {
 public:
  void load_nr() { add(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr))); }
  // Arguments are 64-bit; on a little-endian machine the low word comes first.
  void load_arg_low(int i) { add(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, arg_offset(i))); }
  void load_arg_high(int i) { add(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, arg_offset(i) + 4)); }
  void ret(std::uint32_t action) { add(BPF_STMT(BPF_RET | BPF_K, action)); }
  // if (A == k) fall through, else skip `skip` instructions.
  void unless_eq(std::uint32_t k, std::uint8_t skip) { add(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k, 0, skip)); }
  void if_set_skip(std::uint32_t bits, std::uint8_t skip) { add(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, bits, skip, 0)); }

  // nr allowed whatever its arguments.
  void allow(long nr) {
    load_nr();
    unless_eq(static_cast<std::uint32_t>(nr), 1);
    ret(SECCOMP_RET_ALLOW);
  }
  // nr allowed when argument `arg` (as a whole 64-bit value) is one of `values`.
  void allow_arg_in(long nr, int arg, std::vector<std::uint32_t> values) {
    // nr?  high word 0?  low word in values?  -> allow
    const auto n = static_cast<std::uint8_t>(values.size());
    load_nr();
    unless_eq(static_cast<std::uint32_t>(nr), static_cast<std::uint8_t>(4 + 2 * n));
    load_arg_high(arg);
    unless_eq(0, static_cast<std::uint8_t>(2 + 2 * n));
    load_arg_low(arg);
    for (std::uint8_t i = 0; i < n; ++i) {
      unless_eq(values[i], 1);
      ret(SECCOMP_RET_ALLOW);
    }
    add(BPF_STMT(BPF_JMP | BPF_JA, 0));
  }
  // nr allowed when `bits` are clear in argument `arg` (mmap/mprotect without PROT_EXEC).
  void allow_without_bits(long nr, int arg, std::uint32_t bits) {
    load_nr();
    unless_eq(static_cast<std::uint32_t>(nr), 3);
    load_arg_low(arg);
    if_set_skip(bits, 1);
    ret(SECCOMP_RET_ALLOW);
  }

  sock_fprog program() { return sock_fprog{static_cast<unsigned short>(code_.size()), code_.data()}; }
  void add(sock_filter f) { code_.push_back(f); }

 private:
  std::vector<sock_filter> code_;
};

std::string install_filter() {
  if (kAuditArch == 0) return "no seccomp filter for this architecture";
  Filter f;
  f.add(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)));
  f.add(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, kAuditArch, 1, 0));
  f.add(BPF_STMT(BPF_JMP | BPF_JA, 0));  // to the final kill: patched below
  const std::size_t arch_jump = 2;
  f.allow_arg_in(SYS_read, 0, {0});
#ifdef OHM_ASAN
  // The sanitizer builds' UBSan vptr check probes a vtable's memory by
  // writing it into a fresh pipe (IsAccessibleMemoryRange): their workers may
  // make, write and close pipes. Nothing is opened, nor any other fd reached:
  // a worker has only 0, 1 and 2 (close_other_fds).
  f.allow(SYS_write);
#ifdef SYS_pipe
  f.allow(SYS_pipe);
#endif
  f.allow(SYS_pipe2);
  f.allow(SYS_close);
#else
  f.allow_arg_in(SYS_write, 0, {0, 1, 2});
#endif
  f.allow_arg_in(SYS_sendto, 0, {0});
  f.allow(SYS_exit);
  f.allow(SYS_exit_group);
  f.allow(SYS_brk);
  f.allow_without_bits(SYS_mmap, 2, PROT_EXEC);
  f.allow_without_bits(SYS_mprotect, 2, PROT_EXEC);
  f.allow(SYS_munmap);
  f.allow(SYS_mremap);
  f.allow(SYS_madvise);
  f.allow(SYS_futex);
  f.allow(SYS_rt_sigreturn);
  f.allow(SYS_rt_sigprocmask);
  f.allow(SYS_rt_sigaction);
  f.allow(SYS_sigaltstack);
  f.allow(SYS_getpid);
  f.allow(SYS_gettid);
  f.allow_arg_in(SYS_tgkill, 0, {static_cast<std::uint32_t>(::getpid())});
  f.allow(SYS_clock_gettime);
  f.allow(SYS_getrusage);
  f.allow_arg_in(SYS_prlimit64, 0, {0});  // its own limits only; RLIMIT_AS is already at its hard limit
#ifdef SYS_poll
  f.allow(SYS_poll);
#endif
  f.allow(SYS_ppoll);
  f.allow(SYS_newfstatat);
  f.allow(SYS_fstat);
#ifdef SYS_stat
  f.allow(SYS_stat);
  f.allow(SYS_lstat);
#endif
#ifdef SYS_statx
  f.allow(SYS_statx);
#endif
  f.ret(SECCOMP_RET_ERRNO | EPERM);
  // A foreign architecture's numbering means nothing here: kill.
  f.add(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS));
  sock_fprog prog = f.program();
  // Patch the placeholder to jump to the last instruction (kill).
  prog.filter[arch_jump] = BPF_STMT(BPF_JMP | BPF_JA, static_cast<std::uint32_t>(prog.len - arch_jump - 2));
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return "no_new_privs refused";
  if (::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) return "the kernel refused the seccomp filter";
  return {};
}

}  // namespace

std::string enter_sandbox(std::uint64_t memory_bytes) {
  std::string problems;
  close_other_fds();
#ifndef OHM_ASAN
  if (memory_bytes > 0) {
    const std::uint64_t base = current_vm_bytes();
    rlimit as{};
    as.rlim_cur = as.rlim_max = static_cast<rlim_t>(base + memory_bytes);
    if (::setrlimit(RLIMIT_AS, &as) != 0) problems += "no address-space limit; ";
  }
#else
  (void)memory_bytes;
#endif
  problems += install_filter();
  return problems;
}

void set_cpu_budget(std::uint64_t seconds) {
  rusage use{};
  ::getrusage(RUSAGE_SELF, &use);
  const std::uint64_t used = static_cast<std::uint64_t>(use.ru_utime.tv_sec + use.ru_stime.tv_sec) + 1;
  rlimit cpu{};
  ::getrlimit(RLIMIT_CPU, &cpu);
  cpu.rlim_cur = static_cast<rlim_t>(used + seconds);
  if (cpu.rlim_max != RLIM_INFINITY && cpu.rlim_cur > cpu.rlim_max) cpu.rlim_cur = cpu.rlim_max;
  ::setrlimit(RLIMIT_CPU, &cpu);
}

}  // namespace ohm::onnx::detail
