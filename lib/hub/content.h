#pragma once
// Where a hub's model and archive files come from, and how each one lands in
// the cache: verified against the manifest's sha256 as it streams.

#include <memory>
#include <string>

#include "core/result.h"
#include "hub/http.h"
#include "hub/verified_write.h"
#include "zoo/source.h"

namespace ohm::hub {

class ContentSource {
 public:
  virtual ~ContentSource() = default;

  // Writes the hub file `rel` (a manifest path) to `name` in the open cache
  // `folder` (write_verified_in), verified against `expected`; nothing is
  // left there on failure.
  virtual Result<void> place(const std::string& rel, const Expected& expected, const fs::Folder& folder,
                             const std::string& name) = 0;

  // True when place() downloads (trust must be settled before).
  virtual bool is_remote() const = 0;
};

// Files of a local zoo, read as generate reads them (zoo::read_artifact): the
// file, or for a Git LFS pointer the LFS store's object (SPEC 4). Symlinks and
// special files are refused.
std::unique_ptr<ContentSource> local_content(std::unique_ptr<zoo::Source> zoo);

// Files under `files_base` over HTTP(S), with options.retries further attempts
// after a transient failure.
std::unique_ptr<ContentSource> remote_content(std::string files_base, HttpOptions options);

// `rel` with every byte outside [A-Za-z0-9-._~/] percent-encoded, for URLs.
std::string url_path_escape(const std::string& rel);

}  // namespace ohm::hub
