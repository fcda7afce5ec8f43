#include "hub/fetch.h"

#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "archive/unpack.h"
#include "core/checks.h"
#include "fs/file_reader.h"
#include "hub/cache.h"

namespace ohm::hub {
namespace {

namespace stdfs = std::filesystem;

Result<void> make_parent(const std::string& file) {
  std::error_code ec;
  stdfs::create_directories(stdfs::path(file).parent_path(), ec);
  if (ec) return cannot_run("cannot create the cache folder for " + file + ": " + ec.message());
  return {};
}

// Brings one hub file into the cache; `cached` tells whether it already was.
class Placer {
 public:
  Placer(ContentSource& content, const FetchOptions& options) : content_(content), options_(options) {}

  Result<void> place(const std::string& rel, const Expected& expected, const std::string& dest, bool* cached) {
    *cached = !options_.force && file_matches(dest, expected);
    if (*cached) return {};
    if (content_.is_remote() && options_.allow_download && !asked_) {
      asked_ = true;
      allowed_ = options_.allow_download();
    }
    if (content_.is_remote() && options_.allow_download && !allowed_) {
      return cannot_run("not downloading from an untrusted hub");
    }
    if (auto made = make_parent(dest); !made) return made;
    return content_.place(rel, expected, dest);
  }

 private:
  ContentSource& content_;
  const FetchOptions& options_;
  bool asked_ = false;
  bool allowed_ = false;
};

std::string refusal_message(const std::string& archive, const archive::Listing& listing) {
  std::string msg = "refused to unpack " + archive + ": ";
  if (!listing.damage.empty()) return msg + "not a readable .tar.gz: " + listing.damage;
  msg += std::to_string(listing.unsafe.size()) + " unsafe entr" + (listing.unsafe.size() == 1 ? "y" : "ies");
  for (std::size_t i = 0; i < listing.unsafe.size() && i < 3; ++i) {
    msg += (i ? "; '" : ": '") + listing.unsafe[i].path + "' " + listing.unsafe[i].reason;
  }
  return msg;
}

Result<void> fetch_data(const manifest::Entry& entry, Placer& placer, const FetchOptions& options,
                        FetchReport& report) {
  Result<std::string> archive_file = cached_archive_path(options.cache_root, entry);
  if (!archive_file) return archive_file.failure();
  Result<std::string> folder = unpacked_folder(*archive_file);
  if (!folder) return folder.failure();
  report.archive_file = *archive_file;
  report.data_folder = *folder;
  Expected expected{*entry.model_with_data_sha, entry.model_with_data_bytes};
  auto placed = placer.place(*entry.model_with_data_path, expected, *archive_file, &report.archive_was_cached);
  if (!placed) return placed;

  // A folder we unpacked is complete (it appears only by rename); keep it
  // unless the archive itself was just replaced or --force asks again.
  fs::FileKind existing = fs::status_of(*folder).kind;
  report.data_was_cached = report.archive_was_cached && !options.force && existing == fs::FileKind::kDirectory;
  if (report.data_was_cached) return {};
  archive::UnpackOptions unpack;
  unpack.limits = options.limits;
  unpack.replace = existing == fs::FileKind::kDirectory;
  if (existing != fs::FileKind::kMissing && existing != fs::FileKind::kDirectory) {
    return cannot_run(*folder + " exists and is " + fs::describe(existing) + "; remove it");
  }
  Result<archive::Listing> listing = archive::unpack_tarball(archive::stream_file(*archive_file), *folder, unpack);
  if (!listing) return listing.failure();
  if (!listing->safe()) {
    // Hostile content has no business in the cache, matching sha or not.
    ::unlink(archive_file->c_str());
    return problem(check::kArchiveUnsafeEntry, refusal_message(*entry.model_with_data_path, *listing));
  }
  return {};
}

}  // namespace

Result<FetchReport> fetch_model(const manifest::Entry& entry, ContentSource& content, const FetchOptions& options) {
  FetchReport report;
  Result<std::string> model_file = cached_model_path(options.cache_root, entry);
  if (!model_file) return model_file.failure();
  report.model_file = *model_file;
  // Check the archive's entry fields before any download, so a bad entry fails fast.
  if (options.with_data) {
    Result<std::string> archive_file = cached_archive_path(options.cache_root, entry);
    if (!archive_file) return archive_file.failure();
    if (auto folder = unpacked_folder(*archive_file); !folder) return folder.failure();
  }
  Result<std::vector<CachedSideFile>> side_files = cached_side_files(options.cache_root, entry);
  if (!side_files) return side_files.failure();
  Placer placer(content, options);
  for (const CachedSideFile& side : *side_files) {
    FetchedSideFile fetched{side.file, false};
    auto placed = placer.place(side.hub_path, Expected{side.sha, side.bytes}, side.file, &fetched.was_cached);
    if (!placed) return placed.failure();
    report.side_files.push_back(std::move(fetched));
  }
  Expected expected{entry.model_sha, entry.model_bytes};
  auto placed = placer.place(entry.model_path, expected, *model_file, &report.model_was_cached);
  if (!placed) return placed.failure();
  if (options.with_data) {
    auto data = fetch_data(entry, placer, options, report);
    if (!data) return data.failure();
  }
  return report;
}

}  // namespace ohm::hub
