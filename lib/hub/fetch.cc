#include "hub/fetch.h"

#include "archive/unpack.h"
#include "core/checks.h"
#include "fs/atomic_file.h"
#include "fs/file_reader.h"
#include "hub/cache.h"
#include "hub/cache_writer.h"

namespace ohm::hub {
namespace {

// Brings one hub file into the cache; `cached` tells whether it already was.
class Placer {
 public:
  Placer(ContentSource& content, const FetchOptions& options, CacheWriter& cache)
      : content_(content), options_(options), cache_(cache) {}

  // `dest` is the cache-relative path of the file.
  Result<void> place(const std::string& rel, const Expected& expected, const std::string& dest, bool* cached) {
    std::string name;
    *cached = false;
    if (!options_.force) {
      bool missing = false;
      Result<fs::Folder> folder = cache_.folder_of(dest, false, &name, &missing);
      if (!folder && !missing) return folder.failure();  // a planted link: refused before any download
      *cached = folder && file_matches_in(*folder, name, expected);
      if (*cached) return {};
    }
    if (content_.is_remote() && options_.allow_download && !asked_) {
      asked_ = true;
      allowed_ = options_.allow_download();
    }
    if (content_.is_remote() && options_.allow_download && !allowed_) {
      return cannot_run("not downloading from an untrusted hub");
    }
    Result<fs::Folder> folder = cache_.folder_of(dest, true, &name);
    if (!folder) return folder.failure();
    return content_.place(rel, expected, *folder, name);
  }

 private:
  ContentSource& content_;
  const FetchOptions& options_;
  CacheWriter& cache_;
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

Result<void> fetch_data(const manifest::Entry& entry, Placer& placer, CacheWriter& cache, const FetchOptions& options,
                        FetchReport& report) {
  Result<std::string> archive_rel = cached_archive_path("", entry);
  if (!archive_rel) return archive_rel.failure();
  Result<std::string> folder_rel = unpacked_folder(*archive_rel);
  if (!folder_rel) return folder_rel.failure();
  report.archive_file = cache.full(*archive_rel);
  report.data_folder = cache.full(*folder_rel);
  Expected expected{*entry.model_with_data_sha, entry.model_with_data_bytes};
  auto placed = placer.place(*entry.model_with_data_path, expected, *archive_rel, &report.archive_was_cached);
  if (!placed) return placed;

  std::string archive_name, data_name;
  Result<fs::Folder> folder = cache.folder_of(*archive_rel, false, &archive_name);
  if (!folder) return folder.failure();
  (void)cache.folder_of(*folder_rel, false, &data_name);  // the same folder: only the name
  // A folder we unpacked is complete (it appears only by rename); keep it
  // unless the archive itself was just replaced or --force asks again.
  fs::FileKind existing = folder->status(data_name).kind;
  report.data_was_cached = report.archive_was_cached && !options.force && existing == fs::FileKind::kDirectory;
  if (report.data_was_cached) return {};
  archive::UnpackOptions unpack;
  unpack.limits = options.limits;
  unpack.replace = existing == fs::FileKind::kDirectory;
  unpack.keep_concurrent = true;  // another fetch of the same archive unpacking at once
  if (existing != fs::FileKind::kMissing && existing != fs::FileKind::kDirectory) {
    return cannot_run(report.data_folder + " exists and is " + fs::describe(existing) + "; remove it");
  }
  const fs::Folder& in = *folder;
  archive::StreamFn stream = [&](const fs::ChunkSink& sink) {
    return fs::stream_regular_file_at(in.fd(), archive_name, report.archive_file, sink);
  };
  Result<archive::Listing> listing = archive::unpack_tarball_in(stream, in, data_name, unpack);
  if (!listing) return listing.failure();
  if (!listing->safe()) {
    // Hostile content has no business in the cache, matching sha or not.
    (void)in.remove(archive_name);
    return problem(check::kArchiveUnsafeEntry, refusal_message(*entry.model_with_data_path, *listing));
  }
  return {};
}

// The side-file list beside the model (cache.h), written unless it already
// holds `text`; `wrote` tells whether this call wrote it.
Result<void> keep_side_list(CacheWriter& cache, const std::string& rel, const std::string& text, bool* wrote) {
  std::string name;
  Result<fs::Folder> folder = cache.folder_of(rel, true, &name);
  if (!folder) return folder.failure();
  auto now = fs::read_regular_file_at(folder->fd(), name, folder->child(name), text.size() + 1);
  if (now && *now == text) return {};
  *wrote = true;
  return fs::write_file_atomically_in(*folder, name, text);
}

// After a failed fetch: a side-file list this fetch wrote goes again when none
// of its side files is in the cache (it would describe nothing); with some,
// it stays, so that cache list shows them and cache prune removes them.
void drop_lonely_side_list(CacheWriter& cache, const std::string& rel, const std::vector<CachedSideFile>& sides) {
  for (const CachedSideFile& side : sides) {
    std::string name;
    Result<fs::Folder> folder = cache.folder_of(side.hub_path, false, &name);
    if (folder && folder->status(name).kind != fs::FileKind::kMissing) return;
  }
  std::string name;
  if (Result<fs::Folder> folder = cache.folder_of(rel, false, &name)) (void)folder->remove(name);
}

Result<FetchReport> fetch_into(const manifest::Entry& entry, ContentSource& content, const FetchOptions& options,
                               CacheWriter& cache, const std::vector<CachedSideFile>& side_files,
                               const std::string& model_rel, bool* wrote_list) {
  FetchReport report;
  report.model_file = cache.full(model_rel);
  Placer placer(content, options, cache);
  const std::string list_rel = model_rel + std::string(kSideListSuffix);
  const std::string list_text = side_list_text(side_files);
  if (!side_files.empty()) {
    if (auto kept = keep_side_list(cache, list_rel, list_text, wrote_list); !kept) return kept.failure();
  }
  for (const CachedSideFile& side : side_files) {
    FetchedSideFile fetched{side.file, false};
    auto placed = placer.place(side.hub_path, Expected{side.sha, side.bytes}, side.hub_path, &fetched.was_cached);
    if (!placed) return placed.failure();
    report.side_files.push_back(std::move(fetched));
  }
  Expected expected{entry.model_sha, entry.model_bytes};
  auto placed = placer.place(entry.model_path, expected, model_rel, &report.model_was_cached);
  if (!placed) return placed.failure();
  if (!side_files.empty()) {
    // Again: a failed fetch of the same model at once may have dropped it.
    bool again = false;
    if (auto kept = keep_side_list(cache, list_rel, list_text, &again); !kept) return kept.failure();
  }
  if (options.with_data) {
    auto data = fetch_data(entry, placer, cache, options, report);
    if (!data) return data.failure();
  }
  return report;
}

}  // namespace

Result<FetchReport> fetch_model(const manifest::Entry& entry, ContentSource& content, const FetchOptions& options) {
  Result<std::string> model_rel = cached_model_path("", entry);
  if (!model_rel) return model_rel.failure();
  // Check the archive's entry fields before any download, so a bad entry fails fast.
  if (options.with_data) {
    Result<std::string> archive_file = cached_archive_path(options.cache_root, entry);
    if (!archive_file) return archive_file.failure();
    if (auto folder = unpacked_folder(*archive_file); !folder) return folder.failure();
  }
  Result<std::vector<CachedSideFile>> side_files = cached_side_files(options.cache_root, entry);
  if (!side_files) return side_files.failure();
  CacheWriter cache(options.cache_root);
  bool wrote_list = false;
  Result<FetchReport> report = fetch_into(entry, content, options, cache, *side_files, *model_rel, &wrote_list);
  if (!report) {
    if (wrote_list) drop_lonely_side_list(cache, *model_rel + std::string(kSideListSuffix), *side_files);
    cache.take_back_empty_folders();
  }
  return report;
}

}  // namespace ohm::hub
