#pragma once
// The fast path of reading a manifest: an element of its array whose bytes
// are exactly what write_manifest writes for the entry they hold is read by
// one scan, without a JSON parser, its ports and side-file list kept as text
// (SharedJson::from_canonical_text). Anything else (other spacing, other key
// order, unknown keys, escapes other than \" and \\, non-ASCII text, numbers
// that are not plain integers, repeated keys) is left to the parser, which
// then gives the same Entry as before.

#include <optional>
#include <string_view>

#include "manifest/entry.h"

namespace ohm::manifest {

// Where write_manifest puts an entry's metadata fields (and so how the text of
// a value kept from one is indented).
constexpr int kMetadataIndent = 12;

// `element` as split from the array: "\n    {...}" (the last one followed by
// "\n"). nullopt when it is not in write_manifest's exact form.
std::optional<Entry> read_canonical_entry(std::string_view element);

// The bytes write_manifest writes for the entry of an element that
// read_canonical_entry reads: the element without the line break and indent
// before it and the line break after the last one ("{...}").
std::string_view writer_entry_text(std::string_view element);

}  // namespace ohm::manifest
