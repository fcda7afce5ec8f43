#include "archive/tarball.h"
#include "core/checks.h"

#include <vector>

#include "archive/internal/scanner.h"
#include "archive/path_rules.h"
#include "hash/sha256.h"

namespace ohm::archive {
namespace {

constexpr std::size_t kReadBlock = 64 * 1024;

// Feeds an entry's data to `sink` until it says stop; the rest is skipped.
bool consume_data(struct archive* reader, const EntryInfo& info, const fs::ChunkSink& sink, std::string& damage) {
  std::vector<char> buffer(kReadBlock);
  for (;;) {
    la_ssize_t n = archive_read_data(reader, buffer.data(), buffer.size());
    if (n < 0) {
      const char* why = archive_error_string(reader);
      damage = "cannot read " + info.path + ": " + (why ? why : "damaged data");
      return false;
    }
    if (n == 0 || !sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) return true;
  }
}

// Reads a model entry's data whole: hashes it and feeds the caller's sink, if any.
bool consume_model(struct archive* reader, EntryInfo& info, const fs::ChunkSink& sink, std::string& damage) {
  hash::Sha256 hasher;
  bool feeding = static_cast<bool>(sink);
  bool read = consume_data(
      reader, info,
      [&](std::string_view chunk) {
        hasher.update(chunk);
        if (feeding) feeding = sink(chunk);  // the reader may stop early; we still hash
        return true;
      },
      damage);
  if (!read) return false;
  info.sha256 = hasher.hex_digest();
  return true;
}

std::string unsafe_code(UnsafeKind kind) {
  switch (kind) {
    case UnsafeKind::kTooManyEntries:
    case UnsafeKind::kTooManyBytes:
      return check::kArchiveLimit;
    default:
      return check::kArchiveUnsafeEntry;
  }
}

}  // namespace

StreamFn stream_file(std::string path) {
  return [path = std::move(path)](const fs::ChunkSink& sink) { return fs::stream_regular_file(path, sink); };
}

StreamFn stream_bytes(std::string_view bytes) {
  return [bytes](const fs::ChunkSink& sink) -> Result<std::uint64_t> {
    // Several chunks, so tests exercise the hand-over between them.
    constexpr std::size_t kChunk = 4096;
    for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
      if (!sink(bytes.substr(at, kChunk))) break;
    }
    return static_cast<std::uint64_t>(bytes.size());
  };
}

Result<Listing> read_tarball(const StreamFn& stream, const ReadOptions& options) {
  auto handler = [&options](struct archive* reader, struct archive_entry*, EntryInfo& info,
                            const std::string& normalized, std::string& damage) {
    if (info.kind != EntryKind::kFile) return true;
    if (is_model_path(normalized)) {
      fs::ChunkSink sink = options.model_sink ? options.model_sink(info) : fs::ChunkSink();
      return consume_model(reader, info, sink, damage);
    }
    if (options.data_sink && test_data_set_of(normalized)) {
      fs::ChunkSink sink = options.data_sink(info, normalized);
      if (sink) return consume_data(reader, info, sink, damage);
    }
    return true;
  };
  return scan_tarball(stream, options.limits, handler);
}

void report_listing(const Listing& listing, const std::string& shown_path, Diagnostics& diags) {
  if (!listing.damage.empty()) {
    diags.error(shown_path, 0, check::kArchiveDamaged, "not a readable .tar.gz: " + listing.damage);
  }
  for (const UnsafeEntry& u : listing.unsafe) {
    diags.error(shown_path, 0, unsafe_code(u.kind), "unsafe entry '" + u.path + "': " + u.reason);
  }
  if (!listing.damage.empty()) return;  // the counts below would only repeat the damage
  if (listing.models.size() != 1) {
    diags.warning(shown_path, 0, check::kArchiveModelCount,
                  "holds " + std::to_string(listing.models.size()) + " .onnx files, expected exactly one");
  }
  if (listing.test_data_sets.empty()) {
    diags.warning(shown_path, 0, check::kArchiveNoTestData, "holds no test_data_set_* folder");
  }
}

std::string describe(EntryKind kind) {
  switch (kind) {
    case EntryKind::kFile:
      return "regular file";
    case EntryKind::kDirectory:
      return "folder";
    case EntryKind::kSymlink:
      return "symbolic link";
    case EntryKind::kHardlink:
      return "hard link";
    case EntryKind::kDevice:
      return "device";
    case EntryKind::kFifo:
      return "fifo";
    case EntryKind::kSocket:
      return "socket";
    case EntryKind::kOther:
      return "special file";
  }
  return "entry";
}

}  // namespace ohm::archive
