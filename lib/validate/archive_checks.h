#pragma once
// The "with sample test data" archives of regenerated entries, read as
// streams (SPEC 4): unsafe entries, not exactly one model, no test data, and
// a model that is not the entry's.

#include <cstddef>

#include "archive/tarball.h"
#include "core/diagnostic.h"
#include "zoo/generate.h"
#include "zoo/source.h"

namespace ohm::validate {

struct ArchiveStats {
  std::size_t read = 0;
  std::size_t content_absent = 0;  // LFS pointers whose object is not at hand
};

// Reads the archive of every entry built from its own README row (not kept
// entries) whose content is at hand. Findings name the README row; their ids
// are lib/archive's (archive.unsafe-entry, archive.limit, archive.damaged,
// archive.model-count, archive.no-test-data) plus archive.model-sha.
ArchiveStats check_archives(const zoo::Source& source, const zoo::GenerateResult& regenerated,
                            const archive::Limits& limits, Diagnostics& findings);

}  // namespace ohm::validate
