#pragma once
// Safe unpacking of a .tar.gz into a folder (the hub's with-data archives).

#include <string>

#include "archive/tarball.h"
#include "core/result.h"
#include "fs/folder.h"

namespace ohm::archive {

struct UnpackOptions {
  Limits limits;
  // Replace an existing `target` (only after the new content is complete).
  bool replace = false;
  // A `target` that another process places while we unpack (the same
  // archive, fetched at once) is kept and ours discarded, rather than fail.
  bool keep_concurrent = false;
};

// Unpacks the stream into the folder `target`, whose parent must exist. Entries
// go to a temp folder beside `target` that is renamed to `target` only when the
// whole archive was read and found safe, so a refusal leaves nothing behind.
// Only files, folders and links that stay inside are created; permissions are
// reduced to rwx for the owner and r-x for others, never setuid.
// Returns the listing: when !listing.safe() nothing was written. Fails when the
// stream cannot be read, `target` exists (without `replace`) or the disk refuses.
Result<Listing> unpack_tarball(const StreamFn& stream, const std::string& target, const UnpackOptions& options);

// The same into the folder `name` of the open `parent` (fs::AtomicFolder::create_in).
Result<Listing> unpack_tarball_in(const StreamFn& stream, const fs::Folder& parent, const std::string& name,
                                  const UnpackOptions& options);

}  // namespace ohm::archive
