#pragma once
// Model READMEs that the root README's index does not reach (SPEC 2): their
// models are silently missing from the hub.

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "zoo/discovery.h"
#include "zoo/readme_set.h"

namespace ohm::validate {

// In index mode, warns (readme.unreachable) about every README.md holding a
// model table that `reached` (sorted) lacks, at its first model row. `only`
// limits the READMEs looked at (--changed-since: the changed paths); nullopt
// looks at the whole tree. Tree mode reaches every such README, so nothing is
// reported there.
void check_reachability(zoo::ReadmeSet& readmes, zoo::DiscoverMode mode_used, const std::vector<std::string>& reached,
                        const std::optional<std::vector<std::string>>& only, Diagnostics& findings);

}  // namespace ohm::validate
