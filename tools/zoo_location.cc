#include "zoo_location.h"

#include <unistd.h>

#include <climits>
#include <filesystem>

#include "fs/file_reader.h"

namespace ohm::cli {
namespace {

std::string current_dir() {
  char buf[PATH_MAX];
  return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string(".");
}

// The nearest folder at or above `dir` holding a .git entry, or `dir`.
std::string enclosing_work_tree(const std::string& dir) {
  std::string d = dir;
  for (;;) {
    if (fs::status_of(d + "/.git").kind != fs::FileKind::kMissing) return d;
    auto slash = d.rfind('/');
    if (slash == std::string::npos || d == "/") return dir;
    d = slash == 0 ? "/" : d.substr(0, slash);
  }
}

}  // namespace

Result<ZooLocation> open_zoo_work_tree(const std::string& repo) {
  std::string root = repo.empty() ? enclosing_work_tree(current_dir()) : repo;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  // The root itself may be reached through a symlink the user typed; nothing inside may.
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    return Error{"cannot read the zoo at " + root + ": not a directory"};
  }
  ZooLocation loc;
  loc.root = root;
  loc.source = zoo::open_work_tree({root, std::nullopt, nullptr, nullptr});
  return loc;
}

}  // namespace ohm::cli
