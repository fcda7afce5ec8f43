#pragma once
// Where findings point (SPEC 8): paths relative to the repository root, so that
// editors, pre-commit and GitHub can open them from there, also when the zoo
// is a subfolder of the repository.

#include <set>
#include <string>

#include "core/diagnostic.h"
#include "zoo/source.h"

namespace ohm::app {

// Rewrites the file of every finding about a zoo file (a zoo-relative path) to
// its repository path. Files in `as_given` (paths from the command line) and
// the source's own description ("working tree", "index", ...) are kept.
void name_repository_paths(Diagnostics& findings, const zoo::Source& zoo, const std::set<std::string>& as_given);

}  // namespace ohm::app
