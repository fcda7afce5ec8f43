#pragma once
// A model's side files (ONNX external data) in a zoo: where each tensor's
// location leads, whether that is safe and in range, and the manifest's
// `metadata.external_data` list (`{"path", "sha", "bytes"}` per file, sorted
// by path). Side files are read like models (LFS pointer or content) and
// their payload never reaches memory.

#include <cstdint>
#include <string>
#include <vector>

#include "manifest/entry.h"
#include "onnx/external_data.h"
#include "zoo/artifact.h"
#include "zoo/read_once.h"
#include "zoo/source.h"

namespace ohm::zoo {

// A problem with a model's side files, without the model's path.
struct SideFileFinding {
  std::string code;  // external-data.unsafe, external-data.range, artifact.missing, ...
  std::string message;
};

struct SideFiles {
  manifest::Json list = manifest::Json::array();  // sorted by path, each file once
  std::vector<SideFileFinding> findings;
  // Side files that could not be read (missing, not a regular file,
  // unreadable): a finding says so, and nothing else needs to.
  std::vector<std::string> unread;
};

// What one side file is: its kind and, for a regular file, read_artifact's
// answer. Kept for a run (SideFileReads, by zoo path) so that a file several
// models list is read once.
struct SideFileRead {
  fs::FileKind kind = fs::FileKind::kMissing;
  std::optional<Result<ArtifactInfo>> info;
};
using SideFileReads = ReadOnce<SideFileRead>;

// Why a tensor's `location` is unsafe to resolve in the model's folder ("" when
// it is not): empty, absolute, a drive or URL, a backslash, a control
// character, or an empty, "." or ".." component (the traversal class of
// CVE-2022-25882 and CVE-2024-27318).
std::string unsafe_location_reason(const std::string& location);

// Resolves the refs of the model at `model_path` in its folder: each side file
// is stat'ed without following symlinks (a symlink or non-regular file is
// unsafe), read for sha and size, and every tensor's offset + length checked
// against the file's size. Unsafe locations and missing files are left out of
// the list and reported. With `reads`, a file read before in the run is not read again.
SideFiles read_side_files(const Source& source, const std::string& model_path,
                          const std::vector<onnx::ExternalDataRef>& refs, SideFileReads* reads = nullptr);

// The same for a list reused by model_sha (the model's content not at hand):
// the list of the entry at `previous_model_path`, each path moved from that
// entry's folder to this model's (the same bytes can sit in another folder);
// sha and size are read again (pointer or content); no range check is
// possible without the model.
SideFiles reread_side_files(const Source& source, const std::string& model_path, const std::string& previous_model_path,
                            const manifest::Json& previous, SideFileReads* reads = nullptr);

// Entries whose side files share a path but not sha and size: in the cache
// they would overwrite each other (external-data.collision). One message per
// later entry (by position), naming the earlier one.
struct Collision {
  std::size_t entry = 0;
  std::string message;
};
std::vector<Collision> find_collisions(const std::vector<const manifest::Entry*>& entries);

}  // namespace ohm::zoo
