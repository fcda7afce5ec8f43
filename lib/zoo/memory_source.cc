#include "zoo/memory_source.h"

#include "core/checks.h"
#include "hash/sha256.h"

namespace ohm::zoo {
namespace {

bool is_below(const std::string& path, const std::string& folder) {
  return folder.empty() ||
         (path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/');
}

Result<std::uint64_t> stream_bytes(const std::string& bytes, std::size_t chunk, const fs::ChunkSink& sink) {
  std::uint64_t delivered = 0;
  if (chunk == 0) chunk = 1;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    std::string_view part = std::string_view(bytes).substr(at, chunk);
    delivered += part.size();
    if (!sink(part)) break;
  }
  return delivered;
}

}  // namespace

MemorySource& MemorySource::file(const std::string& rel, std::string bytes) {
  nodes_[rel] = {fs::FileKind::kRegular, std::move(bytes)};
  return *this;
}
MemorySource& MemorySource::symlink(const std::string& rel) {
  nodes_[rel] = {fs::FileKind::kSymlink, {}};
  return *this;
}
MemorySource& MemorySource::special(const std::string& rel) {
  nodes_[rel] = {fs::FileKind::kOther, {}};
  return *this;
}
MemorySource& MemorySource::folder(const std::string& rel) {
  nodes_[rel] = {fs::FileKind::kDirectory, {}};
  return *this;
}
MemorySource& MemorySource::clean_pointer(const std::string& rel, LfsPointer pointer) {
  clean_[rel] = std::move(pointer);
  return *this;
}
MemorySource& MemorySource::lfs_object(std::string content) {
  std::string oid = hash::sha256_hex(content);
  store_[oid] = std::move(content);
  return *this;
}
MemorySource& MemorySource::prefix(std::string repo_prefix) {
  prefix_ = std::move(repo_prefix);
  return *this;
}
MemorySource& MemorySource::described_as(std::string what) {
  described_ = std::move(what);
  return *this;
}

const MemorySource::Node* MemorySource::find(const std::string& rel) const {
  auto it = nodes_.find(rel);
  return it == nodes_.end() ? nullptr : &it->second;
}

fs::FileStatus MemorySource::stat(const std::string& rel) const {
  fs::FileStatus st;
  // A symlink on the way hides what lies below it, as on disk.
  for (std::size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
    const Node* up = find(rel.substr(0, slash));
    if (up && up->kind != fs::FileKind::kDirectory) {
      st.kind = up->kind == fs::FileKind::kSymlink ? fs::FileKind::kSymlink : fs::FileKind::kMissing;
      return st;
    }
  }
  if (const Node* n = find(rel)) {
    st.kind = n->kind;
    st.size = n->bytes.size();
    return st;
  }
  auto below = nodes_.lower_bound(rel.empty() ? rel : rel + "/");
  if (rel.empty() || (below != nodes_.end() && is_below(below->first, rel))) st.kind = fs::FileKind::kDirectory;
  return st;
}

Result<std::string> MemorySource::read(const std::string& rel, std::uint64_t max_bytes) const {
  fs::FileStatus st = stat(rel);
  if (st.kind != fs::FileKind::kRegular) {
    return cannot_run(rel + " is " + fs::describe(st.kind) + ", not a regular file");
  }
  if (st.size > max_bytes) return cannot_run(rel + " is larger than " + std::to_string(max_bytes) + " bytes");
  return find(rel)->bytes;
}

Result<std::uint64_t> MemorySource::stream(const std::string& rel, const fs::ChunkSink& sink) const {
  fs::FileStatus st = stat(rel);
  if (st.kind != fs::FileKind::kRegular) {
    return cannot_run(rel + " is " + fs::describe(st.kind) + ", not a regular file");
  }
  return stream_bytes(find(rel)->bytes, chunk_bytes, sink);
}

Result<std::vector<std::string>> MemorySource::list_files() const {
  std::vector<std::string> out;
  for (const auto& [rel, node] : nodes_) {
    if (node.kind == fs::FileKind::kDirectory || stat(rel).kind != node.kind) continue;
    out.push_back(rel);
  }
  return out;
}

std::optional<LfsPointer> MemorySource::clean_lfs_pointer(const std::string& rel) const {
  auto it = clean_.find(rel);
  if (it == clean_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> MemorySource::git_dir() const {
  if (store_.empty()) return std::nullopt;
  return std::string("<memory>/.git");
}

Result<std::uint64_t> MemorySource::stream_lfs_object(const LfsPointer& pointer, const fs::ChunkSink& sink) const {
  auto it = store_.find(pointer.oid);
  if (it == store_.end()) {
    Error e = cannot_run("the content of " + pointer.oid + " is not in the LFS store");
    e.code = kLfsAbsent;
    return e;
  }
  if (it->second.size() != pointer.size) {
    return problem(check::kArtifactLfsCorrupt, "LFS store object " + pointer.oid + " has " +
                                                   std::to_string(it->second.size()) + " bytes, the pointer says " +
                                                   std::to_string(pointer.size));
  }
  return stream_bytes(it->second, chunk_bytes, sink);
}

}  // namespace ohm::zoo
