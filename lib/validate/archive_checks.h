#pragma once
// The "with sample test data" archives of regenerated entries (SPEC 4), as
// generate read them in the pass that hashed them: unsafe entries, not
// exactly one model, no test data, and a model that is not the entry's.

#include <cstddef>

#include "core/diagnostic.h"
#include "zoo/generate.h"

namespace ohm::validate {

struct ArchiveStats {
  std::size_t read = 0;
  std::size_t content_absent = 0;  // LFS pointers whose object is not at hand
};

// Reports what the archive of every entry built from its own README row (not
// kept entries) holds. Findings name the README row; their ids are
// archive.unsafe-entry, archive.limit, archive.damaged, archive.model-count,
// archive.no-test-data and archive.model-sha.
ArchiveStats check_archives(const zoo::GenerateResult& regenerated, Diagnostics& findings);

}  // namespace ohm::validate
