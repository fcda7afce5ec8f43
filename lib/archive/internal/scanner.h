#pragma once
// The entry loop shared by read_tarball and unpack_tarball: opens the stream
// with libarchive, applies SPEC 4's safety rules and limits to every header,
// and hands each safe entry to a handler that consumes (or ignores) its data.
// Private to lib/archive.

#include <functional>
#include <string>

#include "archive/internal/handles.h"
#include "archive/tarball.h"

namespace ohm::archive {

// Consumes the data of one safe entry. `normalized` is the entry's path with
// "." and empty components dropped. Returns false and sets `damage` when the
// data cannot be read or written, which stops the scan.
using SafeEntryHandler = std::function<bool(struct archive* reader, struct archive_entry* entry, EntryInfo& info,
                                            const std::string& normalized, std::string& damage)>;

// Runs the whole scan. The handler may be empty (data is skipped). Fails only
// when the stream cannot be read.
Result<Listing> scan_tarball(const StreamFn& stream, const Limits& limits, const SafeEntryHandler& handler);

}  // namespace ohm::archive
