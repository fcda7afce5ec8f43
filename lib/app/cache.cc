#include "app/cache.h"

#include <algorithm>
#include <ctime>
#include <set>

#include "core/checks.h"
#include "fs/file_reader.h"
#include "manifest/json_io.h"

namespace ohm::app {
namespace {

Result<hub::CacheRoot> root_of(const CacheRequest& request) {
  if (!request.cache.empty()) return hub::CacheRoot{request.cache, "--cache", "--cache names it"};
  return hub::resolve_cache_root(request.env ? request.env : hub::process_env());
}

bool checkable(const hub::CachedItem& item) {
  return item.kind == hub::CachedKind::kModel || item.kind == hub::CachedKind::kArchive ||
         (item.kind == hub::CachedKind::kSideFile && !item.missing && !item.orphan);
}

std::string models_text(const std::vector<std::string>& models) {
  std::string out;
  for (std::size_t i = 0; i < models.size(); ++i) out += (i ? ", " : "") + models[i];
  return out;
}

// Scans the cache and, with `hash`, checks each model and archive, reporting progress.
Result<CacheListing> scan_and_check(const CacheRequest& where, bool hash, bool with_data,
                                    const CacheProgress& on_progress) {
  Result<hub::CacheRoot> root = root_of(where);
  if (!root) return root.failure();
  Result<hub::CacheScan> scan = hub::scan_cache(root->path);
  if (!scan) return scan.failure();
  CacheListing out;
  out.root = root->path;
  out.exists = scan->exists;
  zoo::Progress progress;
  for (const hub::CachedItem& item : scan->items) {
    if (hash && checkable(item) && !item.not_regular) {
      ++progress.models_total;
      progress.bytes_total += item.bytes;
    }
  }
  for (hub::CachedItem& item : scan->items) {
    CacheRow row{std::move(item), {}};
    if (hash && checkable(row.item)) {
      const std::uint64_t before = progress.bytes_done;
      row.check = hub::check_item(out.root, row.item, with_data, [&](std::uint64_t done) {
        progress.bytes_done = before + done;
        if (on_progress) on_progress(progress);
      });
      if (!row.item.not_regular) {
        ++progress.models_done;
        progress.bytes_done = before + row.item.bytes;
        if (on_progress) on_progress(progress);
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string full(const std::string& root, const std::string& rel) { return root + "/" + rel; }

std::string folder_of(const std::string& rel) {
  const std::string::size_type slash = rel.rfind('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

// True when a folder in `folders` is `folder`, inside it or around it: a
// model's side files live in its folder and below.
bool written_near(const std::set<std::string>& folders, const std::string& folder) {
  for (const std::string& f : folders) {
    if (f.empty() || folder.empty() || f == folder || f.rfind(folder + "/", 0) == 0 || folder.rfind(f + "/", 0) == 0) {
      return true;
    }
  }
  return false;
}

std::string days_text(double days) {
  long whole = static_cast<long>(days);
  return std::to_string(whole) + (whole == 1 ? " day" : " days");
}

// The cache files `file` (a manifest) names: models and archives, under any root.
Result<std::set<std::string>> kept_by(const std::string& file, Diagnostics& findings) {
  auto text = fs::read_regular_file(file, manifest::kMaxManifestBytes);
  if (!text) return with_prefix(text.failure(), "--keep-manifest: ");
  Diagnostics ignored;  // entries that lack SPEC 1's form name nothing
  auto entries = manifest::parse_manifest(*text, file, ignored);
  // A manifest that cannot be read keeps nothing, so it must not prune anything.
  if (!entries) return cannot_run("--keep-manifest: " + entries.error());  // the error names the file
  for (Diagnostic& d : ignored.take()) {
    d.severity = Severity::kWarning;
    findings.add(std::move(d));
  }
  std::set<std::string> kept;
  for (const manifest::Entry& e : *entries) {
    if (auto model = hub::cached_model_path("", e)) kept.insert(*model);
    if (auto archive = hub::cached_archive_path("", e)) kept.insert(*archive);
  }
  return kept;
}

}  // namespace

Result<CacheDirAnswer> cache_dir(const CacheRequest& request) {
  Result<hub::CacheRoot> root = root_of(request);
  if (!root) return root.failure();
  CacheDirAnswer out;
  out.root = std::move(*root);
  fs::FileStatus st = fs::status_of(out.root.path);
  out.exists = st.kind == fs::FileKind::kDirectory || st.kind == fs::FileKind::kSymlink;
  return out;
}

Result<CacheListing> cache_list(const CacheListRequest& request) {
  return scan_and_check(request.where, request.hash, false, request.on_progress);
}

Result<CacheVerifyOutcome> cache_verify(const CacheVerifyRequest& request) {
  auto listing = scan_and_check(request.where, true, true, request.on_progress);
  if (!listing) return listing.failure();
  CacheVerifyOutcome out;
  out.listing = std::move(*listing);
  const std::string& root = out.listing.root;
  for (const CacheRow& row : out.listing.rows) {
    const hub::CachedItem& item = row.item;
    const std::string path = full(root, item.rel);
    if (item.not_regular) {
      out.findings.warning(path, 0, check::kCacheNotRegular,
                           fs::describe(fs::status_of(path).kind) +
                               " where the cache holds files and folders: not followed, left alone");
      continue;
    }
    if (item.kind == hub::CachedKind::kTemp && !item.owner_alive) {
      out.findings.warning(
          path, 0, check::kCacheStaleTemp,
          "an unfinished write of process " + std::to_string(item.pid) + ", which has ended; cache prune removes it");
      continue;
    }
    if (!item.damage.empty()) {
      out.findings.error(path, 0, check::kCacheUnreadable, item.damage);
      continue;
    }
    if (item.orphan) {
      out.findings.warning(path, 0, check::kCacheOrphan,
                           (item.kind == hub::CachedKind::kSideList
                                ? "the side-file list of " + item.hub_path + ", which is no longer cached"
                                : std::string("a side file of no cached model")) +
                               "; cache prune removes it");
      continue;
    }
    if (item.kind == hub::CachedKind::kSideFile && item.missing) {
      out.findings.error(path, 0, check::kCacheSideMissing,
                         "missing: a side file of " + models_text(item.models) + " (fetch places it again)");
      continue;
    }
    if (!checkable(item)) continue;
    ++out.files_checked;
    out.bytes_checked += item.bytes;
    if (!item.data_folder.empty() && row.check.data != hub::Health::kUnchecked) ++out.folders_checked;
    bool remove_file = false, remove_data = false;
    std::string fixed;
    if (row.check.file == hub::Health::kUnreadable) {
      out.findings.error(path, 0, check::kCacheUnreadable, row.check.detail);
      continue;
    }
    if (row.check.file == hub::Health::kMismatch && item.kind == hub::CachedKind::kSideFile) {
      remove_file = true;
      if (request.fix) fixed = "; removed (fetch places it again)";
      out.findings.error(path, 0, check::kCacheShaMismatch,
                         "sha256 is " + row.check.actual_sha + " (" + std::to_string(item.bytes) + " bytes), not the " +
                             item.sha + " (" + std::to_string(item.expected_bytes) +
                             " bytes) that the side-file list of " + models_text(item.models) + " gives" + fixed);
    } else if (row.check.file == hub::Health::kMismatch) {
      remove_file = true;
      if (request.fix) fixed = item.data_folder.empty() ? "; removed" : "; removed, with its data folder";
      out.findings.error(path, 0, check::kCacheShaMismatch,
                         "sha256 is " + row.check.actual_sha + ", not the " + item.sha + " its name gives" + fixed);
    } else if (row.check.data == hub::Health::kMismatch) {
      remove_data = true;
      if (request.fix) fixed = "; the folder was removed (fetch --with-data unpacks it again)";
      out.findings.error(full(root, item.data_folder), 0, check::kCacheDataMismatch,
                         "differs from its archive: " + row.check.detail + fixed);
    }
    if (!request.fix) continue;
    if (remove_file) {
      if (auto gone = hub::remove_item(root, item); !gone) return gone.failure();
      out.removed.push_back(path);
      if (!item.data_folder.empty()) out.removed.push_back(full(root, item.data_folder));
    } else if (remove_data) {
      if (auto gone = hub::remove_data_folder(root, item); !gone) return gone.failure();
      out.removed.push_back(full(root, item.data_folder));
    }
  }
  return out;
}

Result<CachePruneOutcome> cache_prune(const CachePruneRequest& request) {
  CachePruneOutcome out;
  std::optional<std::set<std::string>> kept;
  if (request.keep_manifest) {
    auto named = kept_by(*request.keep_manifest, out.findings);
    if (!named) return named.failure();
    kept = std::move(*named);
  }
  auto listing = scan_and_check(request.where, false, false, nullptr);
  if (!listing) return listing.failure();
  out.root = listing->root;
  const std::int64_t now = request.now ? request.now : static_cast<std::int64_t>(std::time(nullptr));
  const bool selecting = request.older_than_days || kept;
  // Folders a running fetch writes in (a temp name of a live process): its
  // side files may be there before its model, so none of them is an orphan yet.
  std::set<std::string> being_written;
  for (const CacheRow& row : listing->rows) {
    if (row.item.kind == hub::CachedKind::kTemp && row.item.owner_alive) being_written.insert(folder_of(row.item.rel));
  }
  std::set<std::string> chosen_models;
  std::vector<CacheRow*> sides;
  for (CacheRow& row : listing->rows) {
    hub::CachedItem& item = row.item;
    if (item.not_regular) {
      out.findings.warning(
          full(out.root, item.rel), 0, check::kCacheNotRegular,
          fs::describe(fs::status_of(full(out.root, item.rel)).kind) + " in the cache: not followed, left alone");
      continue;
    }
    std::string reason;
    const bool side = item.kind == hub::CachedKind::kSideFile || item.kind == hub::CachedKind::kSideList;
    if (item.kind == hub::CachedKind::kTemp) {
      if (item.owner_alive) continue;
      reason = "unfinished write of process " + std::to_string(item.pid) + ", which has ended";
    } else if (side) {
      if (!item.orphan) {
        if (item.kind == hub::CachedKind::kSideFile && !item.missing) sides.push_back(&row);
        continue;
      }
      if (written_near(being_written, folder_of(item.rel))) continue;
      reason = item.kind == hub::CachedKind::kSideList
                   ? "side-file list of " + item.hub_path + ", which is no longer cached"
                   : "side file of no cached model";
    } else if (selecting && (checkable(item) || item.kind == hub::CachedKind::kDataFolder)) {
      const double age_days = static_cast<double>(now - item.mtime) / 86400.0;
      if (request.older_than_days && age_days < *request.older_than_days) continue;
      // A data folder whose archive is gone is kept with the archive's name.
      const std::string named = item.kind == hub::CachedKind::kDataFolder ? item.rel + ".tar.gz" : item.rel;
      if (kept && kept->count(named) > 0) continue;
      if (request.older_than_days) reason = "placed " + days_text(age_days) + " ago";
      if (kept) reason += std::string(reason.empty() ? "" : ", ") + "not in " + *request.keep_manifest;
      if (item.kind == hub::CachedKind::kModel) chosen_models.insert(item.hub_path);
    } else {
      continue;
    }
    out.bytes += item.bytes + item.data_bytes;
    out.chosen.push_back({std::move(item), std::move(reason)});
  }
  // A side file goes with the last of the models that need it.
  for (CacheRow* row : sides) {
    hub::CachedItem& item = row->item;
    bool all_go = true;
    for (const std::string& model : item.models) all_go = all_go && chosen_models.count(model) > 0;
    if (!all_go) continue;
    out.bytes += item.bytes;
    std::string reason = "side file of " + models_text(item.models) + ", which goes";
    out.chosen.push_back({std::move(item), std::move(reason)});
  }
  std::stable_sort(out.chosen.begin(), out.chosen.end(), [](const PruneChoice& a, const PruneChoice& b) {
    return a.item.hub_path != b.item.hub_path ? a.item.hub_path < b.item.hub_path : a.item.rel < b.item.rel;
  });
  if (!request.yes) return out;
  for (const PruneChoice& c : out.chosen) {
    if (auto gone = hub::remove_item(out.root, c.item); !gone) return gone.failure();
    if (auto gone = hub::remove_side_list(out.root, c.item); !gone) return gone.failure();
  }
  out.removed = true;
  return out;
}

}  // namespace ohm::app
