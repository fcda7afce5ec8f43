#include "version.h"

// The packaging work defines both in a generated header; until then (and in
// builds without it) tools/CMakeLists.txt passes them as definitions.
#if __has_include("ohm_version.h")
#include "ohm_version.h"
#endif
#ifndef OHM_VERSION
#define OHM_VERSION "unknown"
#endif
#ifndef OHM_GIT_COMMIT
#define OHM_GIT_COMMIT "unknown"
#endif

namespace ohm::cli {

std::string version_line() { return std::string("onnx-hub-manifest ") + OHM_VERSION + " (" + OHM_GIT_COMMIT + ")"; }

}  // namespace ohm::cli
