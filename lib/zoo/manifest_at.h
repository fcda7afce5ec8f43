#pragma once
// The manifest a zoo holds at its root (SPEC 6: at the same source as the
// READMEs: the working tree, the index or a commit). The one reader of it for
// generate (the previous manifest, --check), validate (the manifest under
// check, the base's) and the hub (a local zoo).

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "manifest/entry.h"
#include "manifest/json_io.h"
#include "zoo/source.h"

namespace ohm::zoo {

struct ZooManifest {
  bool present = false;                  // something is at ONNX_HUB_MANIFEST.json
  std::optional<std::string> object_id;  // the source's Source::object_id of it
  std::optional<std::string> text;       // read: a regular file within kMaxManifestBytes
  std::optional<Error> unreadable;       // present, but a symlink, special, too large, ...
  // With parse: the entries that have SPEC 1's form (nullopt when the text is
  // not a manifest), why it is not one, and the entries left out.
  std::optional<std::vector<manifest::Entry>> entries;
  // Where in `text` each of `entries` is in the writer's own bytes ({0, 0}
  // when it is in others): an entry kept unchanged is copied from there.
  std::vector<manifest::TextSpan> writer_texts;
  std::optional<Error> invalid;  // code manifest.invalid
  Diagnostics entry_problems;    // manifest.entry.invalid, one per entry left out
};

// Reads the manifest at `source`'s root, and parses it when `parse`.
ZooManifest read_zoo_manifest(const Source& source, bool parse);

// Whether `base` holds at its root the very bytes of a manifest read with
// `object_id` and `text` (ZooManifest's), known without reading them: the
// object id is `base`'s, or (a work tree or a file, which have none) the git
// blob id of the text is.
bool same_manifest_as(const std::optional<std::string>& object_id, const std::optional<std::string>& text,
                      const Source& base);

// Each entry's writer's bytes in the manifest's text (empty where it has
// others; none when it has no text): views into `m`.
std::vector<std::string_view> writer_texts_of(const ZooManifest& m);

// Parses what read_zoo_manifest(source, false) read (once: a parsed one is
// left as it is). With `beside`, a parsed manifest of the same zoo at another
// revision, entries in the same writer's bytes as one of its own are copied
// from it (manifest::parse_manifest_beside).
void parse_zoo_manifest(ZooManifest& read, const ZooManifest* beside = nullptr);

}  // namespace ohm::zoo
