#pragma once
// Private to lib/git: whether a work-tree file is what its index entry
// recorded, by stat data alone (git's test before it reads a file).

#include <git2.h>

#include <utility>

#include "fs/file_reader.h"

namespace ohm::git {

// Whether `st` (an lstat of the entry's file) is what the index recorded for
// `e`: the same kind (file or link) and executable bit, modification and
// change times, size (32 bits, as the index keeps it) and inode; and not
// racily clean (modified in the same instant the index was written:
// `index_file` is the index's own stat). A file added with --intent-to-add
// has nothing recorded. When this holds, git and libgit2 take the file as
// unmodified without reading it; otherwise they read it to know.
inline bool unchanged_since_indexed(const git_index_entry& e, const fs::FileStatus& st,
                                    const fs::FileStatus& index_file) {
  const bool blob = e.mode == GIT_FILEMODE_BLOB || e.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
  const bool link = e.mode == GIT_FILEMODE_LINK;
  if (!(blob && st.kind == fs::FileKind::kRegular) && !(link && st.kind == fs::FileKind::kSymlink)) return false;
  if (blob && st.executable != (e.mode == GIT_FILEMODE_BLOB_EXECUTABLE)) return false;
  if (e.flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD) return false;
  if (e.mtime.seconds != static_cast<std::int32_t>(st.mtime_sec) ||
      e.mtime.nanoseconds != static_cast<std::uint32_t>(st.mtime_nsec) ||
      e.ctime.seconds != static_cast<std::int32_t>(st.ctime_sec) ||
      e.ctime.nanoseconds != static_cast<std::uint32_t>(st.ctime_nsec) ||
      e.file_size != static_cast<std::uint32_t>(st.size) ||
      (e.ino != 0 && e.ino != static_cast<std::uint32_t>(st.inode))) {
    return false;
  }
  return std::make_pair(st.mtime_sec, st.mtime_nsec) < std::make_pair(index_file.mtime_sec, index_file.mtime_nsec);
}

}  // namespace ohm::git
