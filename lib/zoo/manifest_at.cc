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

std::vector<std::string_view> writer_texts_of(const ZooManifest& m) {
  std::vector<std::string_view> out;
  if (!m.text) return out;
  out.reserve(m.writer_texts.size());
  for (const manifest::TextSpan& t : m.writer_texts) out.push_back(t.in(*m.text));
  return out;
}

void parse_zoo_manifest(ZooManifest& read, const ZooManifest* beside) {
  if (!read.text || read.entries || read.invalid) return;
  auto parsed = [&] {
    if (!beside || !beside->entries || !beside->text) {
      return manifest::parse_manifest(*read.text, manifest::kManifestName, read.entry_problems, &read.writer_texts);
    }
    return manifest::parse_manifest_beside(*read.text, manifest::kManifestName, read.entry_problems,
                                           &read.writer_texts, *beside->entries, writer_texts_of(*beside));
  }();
  if (parsed) {
    read.entries = std::move(*parsed);
  } else {
    read.invalid = parsed.failure();
  }
}

}  // namespace ohm::zoo
