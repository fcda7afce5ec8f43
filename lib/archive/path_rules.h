#pragma once
// Pure rules about archive entry paths (SPEC 4), kept apart from libarchive so
// they can be tested with plain strings.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ohm::archive {

// Why a path cannot be used as given.
enum class PathProblem { kNone, kEmpty, kAbsolute, kDotDot };

// Classifies an entry path as stored: "/etc/x" is absolute, any ".." component
// is kDotDot (even "a/../b", which stays inside: archives have no reason to use it).
PathProblem check_entry_path(std::string_view path);

// The path with "." and empty components dropped ("./a//b/" -> "a/b"). Only
// meaningful for paths that check_entry_path accepts.
std::string normalize_entry_path(std::string_view path);

// Resolves a link target against the folder of the (normalized) link path,
// lexically. nullopt when the target is absolute or climbs above the archive root.
std::optional<std::string> resolve_link_target(std::string_view link_path, std::string_view target);

// True for a file name ending in ".onnx" (any case).
bool is_model_path(std::string_view path);

// The "test_data_set_*" folder a normalized path lies in or names, if any
// ("m/test_data_set_0/input_0.pb" -> "m/test_data_set_0").
std::optional<std::string> test_data_set_of(std::string_view path);

}  // namespace ohm::archive
