#include "version.h"

#include "ohm_version.h"

namespace ohm::cli {

// The form the release tooling checks (tests/package, scripts/test_package.sh).
std::string version_line() { return OHM_VERSION " (commit " OHM_GIT_COMMIT ")"; }

}  // namespace ohm::cli
