#pragma once
// Writes output files so that a failed run never leaves half a file behind.

#include <string>
#include <string_view>

#include "core/result.h"

namespace ohm::fs {

// Writes `content` to a temp file in the folder of `path`, flushes it, then
// renames it over `path`. On failure `path` is untouched and the temp file removed.
Result<void> write_file_atomically(const std::string& path, std::string_view content);

}  // namespace ohm::fs
