#include "zoo/manifest_at.h"

#include "core/checks.h"
#include "hash/git_blob_id.h"
#include "manifest/json_io.h"

namespace ohm::zoo {

ZooManifest read_zoo_manifest(const Source& source, bool parse) {
  using manifest::kManifestName;
  ZooManifest out;
  out.present = source.stat(kManifestName).kind != fs::FileKind::kMissing;
  if (!out.present) return out;
  out.object_id = source.object_id(kManifestName);
  Result<std::string> text = source.read(kManifestName, manifest::kMaxManifestBytes);
  if (!text) {
    Error e = text.failure();
    e.kind = ErrorKind::kProblem;
    e.code = check::kManifestUnreadable;
    out.unreadable = std::move(e);
    return out;
  }
  out.text = std::move(*text);
  if (parse) parse_zoo_manifest(out);
  return out;
}

bool same_manifest_as(const std::optional<std::string>& object_id, const std::optional<std::string>& text,
                      const Source& base) {
  const std::optional<std::string> theirs = base.object_id(manifest::kManifestName);
  if (!theirs) return false;
  if (object_id) return *object_id == *theirs;
  // Hashing costs a pass over the text: not when the sizes tell already.
  if (!text || base.stat(manifest::kManifestName).size != text->size()) return false;
  return hash::git_blob_id(*text) == *theirs;
}

void parse_zoo_manifest(ZooManifest& read) {
  if (!read.text || read.entries || read.invalid) return;
  auto parsed = manifest::parse_manifest(*read.text, manifest::kManifestName, read.entry_problems, &read.writer_texts);
  if (parsed) {
    read.entries = std::move(*parsed);
  } else {
    read.invalid = parsed.failure();
  }
}

}  // namespace ohm::zoo
