#pragma once
// Owning handles for libarchive objects. Private to lib/archive: public
// headers never include <archive.h>.

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace ohm::archive {

struct ArchiveReadFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
struct ArchiveWriteFree {
  void operator()(struct archive* a) const { archive_write_free(a); }
};

// A reader from archive_read_new().
using ReadHandle = std::unique_ptr<struct archive, ArchiveReadFree>;
// A disk writer from archive_write_disk_new().
using WriteDiskHandle = std::unique_ptr<struct archive, ArchiveWriteFree>;

}  // namespace ohm::archive
