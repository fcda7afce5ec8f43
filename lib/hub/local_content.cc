#include "fs/file_reader.h"
#include "hub/content.h"
#include "zoo/lfs_pointer.h"

namespace ohm::hub {
namespace {

class LocalContent : public ContentSource {
 public:
  explicit LocalContent(std::unique_ptr<zoo::Source> zoo) : zoo_(std::move(zoo)) {}

  bool is_remote() const override { return false; }

  Outcome<Done> place(const std::string& rel, const Expected& expected,
                      const std::string& dest) override {
    fs::FileStatus st = zoo_->stat(rel);
    if (st.kind == fs::FileKind::kMissing) return problem("hub.missing-file", rel + " is not in " + zoo_->describe());
    if (st.kind != fs::FileKind::kRegular) {
      return problem("hub.unsafe-path", rel + " is " + fs::describe(st.kind) + ", not a regular file; refused");
    }
    if (st.size <= zoo::kMaxPointerBytes) {
      Result<std::string> text = zoo_->read(rel, zoo::kMaxPointerBytes);
      if (!text) return cannot_run(text.error());
      zoo::PointerParse parsed = zoo::parse_lfs_pointer(*text);
      if (parsed.status == zoo::PointerStatus::kMalformed) {
        return problem("hub.lfs-pointer", rel + " is a malformed Git LFS pointer: " + parsed.problem);
      }
      if (parsed.status == zoo::PointerStatus::kPointer) return place_from_store(rel, parsed.pointer, expected, dest);
    }
    return write_verified(dest, expected, rel, [&](const fs::ChunkSink& sink) -> Outcome<std::uint64_t> {
      Result<std::uint64_t> n = zoo_->stream(rel, sink);
      if (!n) return cannot_run(n.error());
      return *n;
    });
  }

 private:
  // The working tree holds only a pointer: the content is in the LFS store
  // (after `git lfs fetch`), verified against the manifest as it streams.
  Outcome<Done> place_from_store(const std::string& rel, const zoo::LfsPointer& pointer,
                                 const Expected& expected, const std::string& dest) {
    if (pointer.oid != expected.sha256) {
      return problem("hub.sha-mismatch", rel + " is a Git LFS pointer to " + pointer.oid + ", the manifest gives " +
                     expected.sha256);
    }
    std::optional<std::string> git_dir = zoo_->git_dir();
    if (!git_dir) {
      return cannot_run(rel + " is a Git LFS pointer outside a git repository: its content is nowhere here");
    }
    std::string store = zoo::lfs_store_path(*git_dir, pointer.oid);
    if (fs::status_of(store).kind != fs::FileKind::kRegular) {
      return cannot_run(rel + " is a Git LFS pointer whose content is not in the LFS store; run git lfs pull --include=\"" + rel + "\"");
    }
    return write_verified(dest, expected, rel + " (LFS store)", [&](const fs::ChunkSink& sink) -> Outcome<std::uint64_t> {
      Result<std::uint64_t> n = fs::stream_regular_file(store, sink);
      if (!n) return cannot_run(n.error());
      return *n;
    });
  }

  std::unique_ptr<zoo::Source> zoo_;
};

}  // namespace

std::unique_ptr<ContentSource> local_content(std::unique_ptr<zoo::Source> zoo) {
  return std::make_unique<LocalContent>(std::move(zoo));
}

}  // namespace ohm::hub
