#include "fs/folder.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace ohm::fs {
namespace {

namespace stdfs = std::filesystem;

constexpr int kFolderFlags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;

std::string join(const std::string& folder, const std::string& name) {
  if (folder.empty() || folder == ".") return name;
  return folder.back() == '/' ? folder + name : folder + "/" + name;
}

std::string strip_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Why `name` in `dir_fd` could not be opened as a folder without following it.
Error refusal(int dir_fd, const std::string& name, const std::string& full, const std::string& shown, int err) {
  const FileStatus st = status_at(dir_fd, name);
  if (st.kind == FileKind::kSymlink) {
    return cannot_run("cannot write " + shown + ": " + full + " is a symbolic link, never followed (remove it)");
  }
  if (st.kind != FileKind::kDirectory && st.kind != FileKind::kMissing) {
    return cannot_run("cannot write " + shown + ": " + full + " is " + describe(st.kind) + ", not a folder");
  }
  return cannot_run("cannot write " + shown + ": cannot open " + full + ": " + std::strerror(err));
}

}  // namespace

bool is_single_component(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos &&
         name.find('\0') == std::string_view::npos;
}

Folder::Folder(Folder&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) { other.fd_ = -1; }

Folder& Folder::operator=(Folder&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

Folder::~Folder() {
  if (fd_ >= 0) ::close(fd_);
}

Result<Folder> Folder::open(const std::string& given, MadeFolders* made) {
  const std::string path = strip_trailing_slashes(given.empty() ? "." : given);
  int fd = ::open(path.c_str(), kFolderFlags);
  if (fd >= 0) return Folder(fd, given);
  if (errno != ENOENT || made == nullptr) {
    return cannot_run("cannot open the folder " + given + ": " + std::strerror(errno));
  }
  // mkdir -p: the parent first, reached as the user's shell would reach it.
  const stdfs::path p(path);
  const std::string parent_path = p.has_parent_path() ? p.parent_path().string() : ".";
  Result<Folder> parent = open(parent_path, made);
  if (!parent) return parent.failure();
  const std::string name = p.filename().string();
  if (!is_single_component(name)) return cannot_run("cannot create the folder " + given);
  if (::mkdirat(parent->fd(), name.c_str(), 0777) == 0) {
    made->add(*parent, name);
  } else if (errno != EEXIST) {
    return cannot_run("cannot create the folder " + given + ": " + std::strerror(errno));
  }
  Result<Folder> folder = parent->beneath(name, given);
  if (!folder) return folder.failure();
  folder->path_ = given;
  return folder;
}

Result<Folder> Folder::beneath(std::string_view rel, const std::string& shown, MadeFolders* made, bool* missing) const {
  Result<Folder> current = duplicate();
  if (!current) return current.failure();
  std::size_t start = 0;
  while (start < rel.size()) {
    std::size_t slash = rel.find('/', start);
    if (slash == std::string_view::npos) slash = rel.size();
    const std::string name(rel.substr(start, slash - start));
    start = slash + 1;
    if (name.empty()) continue;
    const std::string full = current->child(name);
    if (!is_single_component(name)) return cannot_run("cannot write " + shown + ": " + full + " is not a plain name");
    int fd = ::openat(current->fd(), name.c_str(), kFolderFlags | O_NOFOLLOW);
    if (fd < 0 && errno == ENOENT && made != nullptr) {
      if (::mkdirat(current->fd(), name.c_str(), 0777) == 0) {
        made->add(*current, name);
      } else if (errno != EEXIST) {
        return cannot_run("cannot write " + shown + ": cannot create " + full + ": " + std::strerror(errno));
      }
      fd = ::openat(current->fd(), name.c_str(), kFolderFlags | O_NOFOLLOW);
    }
    if (fd < 0) {
      const int err = errno;
      if (err == ENOENT && missing != nullptr) *missing = true;
      return refusal(current->fd(), name, full, shown, err);
    }
    current = Folder(fd, full);
  }
  return current;
}

FileStatus Folder::status(const std::string& name) const { return status_at(fd_, name); }

Result<void> Folder::remove(const std::string& name) const {
  if (!is_single_component(name)) return cannot_run("cannot remove " + child(name) + ": not a plain name");
  const FileStatus st = status(name);
  if (st.kind == FileKind::kMissing) return {};
  if (st.kind == FileKind::kDirectory) {
    int fd = ::openat(fd_, name.c_str(), kFolderFlags | O_NOFOLLOW);
    if (fd < 0) return cannot_run("cannot remove " + child(name) + ": " + std::strerror(errno));
    const Folder sub(fd, child(name));
    Result<std::vector<std::string>> inside = sub.names();
    if (!inside) return inside.failure();
    for (const std::string& n : *inside) {
      if (auto gone = sub.remove(n); !gone) return gone;
    }
  }
  const int flags = st.kind == FileKind::kDirectory ? AT_REMOVEDIR : 0;
  if (::unlinkat(fd_, name.c_str(), flags) != 0 && errno != ENOENT) {
    return cannot_run("cannot remove " + child(name) + ": " + std::strerror(errno));
  }
  return {};
}

Result<Folder> Folder::at(const std::string& rel) const {
  int fd = ::openat(fd_, rel.c_str(), kFolderFlags | O_NOFOLLOW);
  if (fd < 0) return cannot_run("cannot open the folder " + child(rel) + ": " + std::strerror(errno));
  return Folder(fd, child(rel));
}

Result<std::vector<Folder::Entry>> Folder::entries() const {
  // The handle's own listing, from its start: no second open of the folder
  // (a zoo's diff reads thousands), so a handle is not listed on two threads.
  if (::lseek(fd_, 0, SEEK_SET) != 0) {
    return cannot_run("cannot read the folder " + path_ + ": " + std::strerror(errno));
  }
  std::vector<Entry> out;
  alignas(dirent64) char buf[32768];
  for (;;) {
    const ssize_t n = ::getdents64(fd_, buf, sizeof buf);
    if (n < 0) return cannot_run("cannot read the folder " + path_ + ": " + std::strerror(errno));
    if (n == 0) break;
    for (ssize_t at = 0; at < n;) {
      const auto* ent = reinterpret_cast<const dirent64*>(buf + at);
      at += ent->d_reclen;
      const std::string name = ent->d_name;
      if (name == "." || name == "..") continue;
      FileKind kind = FileKind::kOther;
      switch (ent->d_type) {
        case DT_REG: kind = FileKind::kRegular; break;
        case DT_DIR: kind = FileKind::kDirectory; break;
        case DT_LNK: kind = FileKind::kSymlink; break;
        case DT_UNKNOWN: kind = status(name).kind; break;
        default: break;
      }
      out.push_back({name, kind});
    }
  }
  return out;
}

Result<std::vector<std::string>> Folder::names() const {
  Result<std::vector<Entry>> here = entries();
  if (!here) return here.failure();
  std::vector<std::string> out;
  out.reserve(here->size());
  for (Entry& e : *here) out.push_back(std::move(e.name));
  std::sort(out.begin(), out.end());
  return out;
}

std::string Folder::child(const std::string& name) const { return join(path_, name); }

Result<std::string> Folder::real_path() const {
  char buf[4096];
  const std::string link = "/proc/self/fd/" + std::to_string(fd_);
  ssize_t n = ::readlink(link.c_str(), buf, sizeof buf - 1);
  if (n > 0 && buf[0] == '/') return std::string(buf, static_cast<std::size_t>(n));
  std::error_code ec;  // no /proc: resolve the path itself
  stdfs::path real = stdfs::canonical(path_.empty() ? "." : path_, ec);
  if (ec) return cannot_run("cannot resolve " + path_ + ": " + ec.message());
  return real.string();
}

Result<Folder> Folder::duplicate() const {
  int fd = ::fcntl(fd_, F_DUPFD_CLOEXEC, 0);
  if (fd < 0) return cannot_run("cannot open the folder " + path_ + ": " + std::strerror(errno));
  return Folder(fd, path_);
}

struct MadeFolders::Made {
  Folder parent;
  std::string name;
};

MadeFolders::MadeFolders() = default;
MadeFolders::MadeFolders(MadeFolders&&) noexcept = default;
MadeFolders::~MadeFolders() = default;

void MadeFolders::add(const Folder& parent, const std::string& name) {
  Result<Folder> handle = parent.duplicate();
  if (handle) made_.push_back(std::make_unique<Made>(Made{std::move(*handle), name}));
}

std::vector<std::string> MadeFolders::paths() const {
  std::vector<std::string> out;
  for (const auto& m : made_) out.push_back(m->parent.child(m->name));
  return out;
}

void MadeFolders::remove_empty() {
  for (auto it = made_.rbegin(); it != made_.rend(); ++it) {
    ::unlinkat((*it)->parent.fd(), (*it)->name.c_str(), AT_REMOVEDIR);  // fails, harmlessly, when not empty
  }
  made_.clear();
}

}  // namespace ohm::fs
