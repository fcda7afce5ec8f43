#include "core/checks.h"
#include "hub/content.h"
#include "zoo/artifact.h"

namespace ohm::hub {
namespace {

// What a failure to read a local hub file means for a fetch.
Error as_hub_error(const Error& e, const std::string& rel, const zoo::Source& zoo) {
  const std::string& code = e.code;
  if (code == check::kArtifactMissing) return problem(check::kHubMissingFile, rel + " is not in " + zoo.describe());
  if (code == check::kArtifactNotRegular) return problem(check::kHubUnsafePath, e.message + "; refused");
  if (code == check::kArtifactPointerMalformed) return problem(check::kHubLfsPointer, e.message);
  return cannot_run(e.message);
}

class LocalContent : public ContentSource {
 public:
  explicit LocalContent(std::unique_ptr<zoo::Source> zoo) : zoo_(std::move(zoo)) {}

  bool is_remote() const override { return false; }

  Result<void> place(const std::string& rel, const Expected& expected, const fs::Folder& folder,
                     const std::string& name) override {
    std::optional<std::string> pointer_to;  // the oid of a pointer that is not the manifest's sha
    std::optional<Error> failure;
    Result<void> placed =
        write_verified_in(folder, name, expected, rel, [&](const fs::ChunkSink& sink) -> Result<std::uint64_t> {
          zoo::ContentRequest request{sink, [&](const std::string& sha) {
                                        if (sha == expected.sha256) return true;
                                        pointer_to = sha;
                                        return false;
                                      }};
          Result<zoo::ArtifactInfo> info = zoo::read_artifact(*zoo_, rel, &request);
          if (!info) {
            failure = as_hub_error(info.failure(), rel, *zoo_);
            return *failure;
          }
          if (pointer_to) {
            failure = problem(check::kHubShaMismatch, rel + " is a Git LFS pointer to " + *pointer_to +
                                                          ", the manifest gives " + expected.sha256);
            return *failure;
          }
          if (!info->content_streamed) {
            failure = not_here(rel, *info);
            return *failure;
          }
          return info->bytes;
        });
    if (failure) return *failure;  // the reason, not the size mismatch it left behind
    return placed;
  }

 private:
  // A pointer whose content is not in the LFS store (or is damaged there).
  Error not_here(const std::string& rel, const zoo::ArtifactInfo& info) const {
    if (info.content_error && info.content_error->code == check::kArtifactLfsCorrupt) {
      return problem(check::kHubShaMismatch, info.content_error->message + "; nothing was written");
    }
    if (info.content_error && info.content_error->code != zoo::kLfsAbsent) return *info.content_error;
    if (!zoo_->git_dir()) {
      return cannot_run(rel + " is a Git LFS pointer outside a git repository: its content is nowhere here");
    }
    return cannot_run(rel + " is a Git LFS pointer whose content is not in the LFS store; run " +
                      zoo::lfs_pull_hint(*zoo_, rel));
  }

  std::unique_ptr<zoo::Source> zoo_;
};

}  // namespace

std::unique_ptr<ContentSource> local_content(std::unique_ptr<zoo::Source> zoo) {
  return std::make_unique<LocalContent>(std::move(zoo));
}

}  // namespace ohm::hub
