#include "hub/verified_write.h"

#include "core/checks.h"
#include "fs/atomic_file.h"
#include "hash/sha256.h"

namespace ohm::hub {

Result<void> write_verified(const std::string& dest, const Expected& expected, const std::string& shown,
                            const Producer& produce) {
  Result<fs::AtomicFile> temp = fs::AtomicFile::create(dest);
  if (!temp) return temp.failure();
  hash::Sha256 hasher;
  std::optional<Error> write_error;
  auto sink = [&](std::string_view chunk) {
    hasher.update(chunk);
    if (expected.bytes && hasher.bytes() > *expected.bytes) return false;  // no point going on
    if (auto wrote = temp->write(chunk); !wrote) {
      write_error = wrote.failure();
      return false;
    }
    return true;
  };
  Result<std::uint64_t> produced = produce(sink);
  if (write_error) return *write_error;
  if (expected.bytes && hasher.bytes() > *expected.bytes) {
    return problem(check::kHubShaMismatch,
                   shown + " is larger than the " + std::to_string(*expected.bytes) + " bytes the manifest gives");
  }
  if (!produced) return produced.failure();
  std::string digest = hasher.hex_digest();
  if (digest != expected.sha256) {
    std::string size_note;
    if (expected.bytes && hasher.bytes() != *expected.bytes) {
      size_note =
          " (" + std::to_string(hasher.bytes()) + " bytes, the manifest gives " + std::to_string(*expected.bytes) + ")";
    }
    return problem(check::kHubShaMismatch, "sha256 of " + shown + " is " + digest + size_note +
                                               ", the manifest gives " + expected.sha256 + "; nothing was written");
  }
  return temp->commit();
}

bool file_matches(const std::string& path, const Expected& expected) {
  if (fs::status_of(path).kind != fs::FileKind::kRegular) return false;
  hash::Sha256 hasher;
  auto streamed = fs::stream_regular_file(path, [&](std::string_view chunk) {
    hasher.update(chunk);
    return true;
  });
  if (!streamed) return false;
  if (expected.bytes && hasher.bytes() != *expected.bytes) return false;
  return hasher.hex_digest() == expected.sha256;
}

}  // namespace ohm::hub
