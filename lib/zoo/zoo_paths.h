#pragma once
// Turning README links into zoo-relative paths, and paths into tags (SPEC 3).

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ohm::zoo {

// The folder part of a zoo-relative path ("" for a file at the root).
std::string parent_folder(std::string_view rel);

// Joins `a` and `b` with "/" (either may be empty).
std::string join_path(std::string_view a, std::string_view b);

// Resolves a link destination written in the README at `readme_folder`:
// percent-decoded, a leading "/" meaning the zoo root, "." dropped, ".."
// resolved. URLs, empty links and paths leaving the zoo are errors.
Result<std::string> resolve_link(std::string_view readme_folder, std::string_view destination);

// The tags of a row: the README folder split on "/", "_" as spaces, without a
// leading "validated" or "archive"; plus "preprocessing" when a component of
// the Download link is "preproc".
std::vector<std::string> tags_for(std::string_view readme_folder, std::string_view download_link);

// True when `s` starts with a URL scheme ("https:", "file:", ...) or "//".
bool is_url(std::string_view s);

// Why `path` is not a safe zoo-relative POSIX path ("" when it is): empty,
// absolute, a URL or a drive, a backslash, a control character, or an empty,
// "." or ".." component. The one rule set for paths a manifest names: validate
// reports them (path.unsafe) and the hub refuses to cache them.
std::string unsafe_path_reason(std::string_view path);

// Why the Python hub client cannot request `path` as written ("" when it
// can): it joins paths into URLs unescaped, so a space, '#', '?', '%', a
// control character or a non-ASCII byte breaks the URL (path.unportable).
std::string unportable_path_reason(std::string_view path);

}  // namespace ohm::zoo
