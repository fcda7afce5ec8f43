#pragma once
// Reads a .tar.gz as a stream (SPEC 4): lists its entries, flags unsafe ones,
// finds the model and the test data sets, and can hand the model's bytes to a
// reader. Nothing is written to disk (see unpack.h for that). The compressed
// bytes are hashed in the same pass, so an archive is read exactly once.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "fs/file_reader.h"

namespace ohm::archive {

constexpr std::uint64_t kDefaultMaxEntries = 100000;
constexpr std::uint64_t kDefaultMaxUnpackedBytes = std::uint64_t{16} << 30;  // 16 GiB

// The two caps of SPEC 4 (--max-entries, --max-unpacked-bytes).
struct Limits {
  std::uint64_t max_entries = kDefaultMaxEntries;
  std::uint64_t max_unpacked_bytes = kDefaultMaxUnpackedBytes;
};

enum class EntryKind { kFile, kDirectory, kSymlink, kHardlink, kDevice, kFifo, kSocket, kOther };

// One archive member, as stored.
struct EntryInfo {
  std::string path;  // as written in the archive
  EntryKind kind = EntryKind::kOther;
  std::uint64_t size = 0;   // content bytes of a regular file
  std::string link_target;  // symlinks and hard links
  std::string sha256;       // content digest; filled for .onnx files only
};

enum class UnsafeKind {
  kAbsolutePath,  // "/etc/passwd"
  kDotDot,        // a ".." component
  kLinkOutside,   // a symlink or hard link leading outside, or a path through a link
  kSpecialFile,   // a device, fifo or socket
  kTooManyEntries,
  kTooManyBytes,
};

struct UnsafeEntry {
  std::string path;
  UnsafeKind kind = UnsafeKind::kAbsolutePath;
  std::string reason;  // one line, e.g. "symbolic link to /etc/shadow leads outside the archive"
};

// What a read found. Entries after a limit was hit are not listed.
struct Listing {
  std::vector<EntryInfo> entries;
  std::vector<UnsafeEntry> unsafe;
  std::vector<std::string> models;          // normalized paths of .onnx files, archive order
  std::vector<std::string> test_data_sets;  // normalized "test_data_set_*" folders, sorted
  std::uint64_t unpacked_bytes = 0;         // sum of regular file sizes
  std::string damage;                       // libarchive's message when the bytes are not a readable tar(.gz)
  std::string sha256;                       // of the whole compressed stream
  std::uint64_t bytes = 0;

  bool safe() const { return unsafe.empty() && damage.empty(); }
};

// A byte stream in push form: calls the sink with consecutive chunks and
// returns the bytes delivered, or an error when the stream cannot be read.
// Source::stream and fs::stream_regular_file fit this shape.
using StreamFn = std::function<Result<std::uint64_t>(const fs::ChunkSink&)>;

// A stream of a regular file (symlinks and special files refused by lib/fs).
StreamFn stream_file(std::string path);
// A stream over bytes the caller keeps alive.
StreamFn stream_bytes(std::string_view bytes);

struct ReadOptions {
  Limits limits;
  // Called for each regular .onnx entry that is safe; the returned sink gets its
  // content in chunks (an empty function skips it). Lets lib/onnx's ModelReader
  // inspect the model without unpacking.
  std::function<fs::ChunkSink(const EntryInfo&)> model_sink;
  // Called likewise for each safe regular file inside a test_data_set_* folder
  // (`normalized` is its path with "." and empty parts dropped), in archive
  // order, each entry's data complete before the next entry is asked for.
  std::function<fs::ChunkSink(const EntryInfo&, const std::string& normalized)> data_sink;
};

// Reads the whole stream. Unsafe entries, a limit hit and damage are reported
// in the listing; the Result fails only when the stream itself cannot be read.
Result<Listing> read_tarball(const StreamFn& stream, const ReadOptions& options);

// Adds the listing's findings to `diags` under `shown_path`: each unsafe entry
// and damage as an error (archive.unsafe-entry, archive.limit, archive.damaged);
// not exactly one model (archive.model-count) and no test_data_set_* folder
// (archive.no-test-data) as warnings.
void report_listing(const Listing& listing, const std::string& shown_path, Diagnostics& diags);

// "regular file", "symbolic link", ... for listings and messages.
std::string describe(EntryKind kind);

}  // namespace ohm::archive
