#pragma once
// The id git gives a blob (SHA-1 of "blob <size>\0" and the bytes): a file's
// bytes compared with a blob of a repository without reading the blob.

#include <string>
#include <string_view>

namespace ohm::hash {

// Lowercase hex of the git blob id of `bytes` (a SHA-1 repository's; one
// that uses SHA-256 names its blobs otherwise, and no id of it matches).
std::string git_blob_id(std::string_view bytes);

}  // namespace ohm::hash
