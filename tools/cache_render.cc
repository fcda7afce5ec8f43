#include "cache_render.h"

#include <ostream>
#include <vector>

#include "core/units.h"
#include "text_table.h"

namespace ohm::cli {
namespace {

using manifest::Json;

std::string check_word(const app::CacheRow& row) {
  const hub::CachedItem& item = row.item;
  if (item.kind == hub::CachedKind::kTemp) return item.owner_alive ? "writing" : "stale";
  if (item.not_regular) return "not-a-file";
  if (!item.damage.empty()) return "unreadable";
  if (item.orphan) return "orphan";
  if (item.missing) return "MISSING";
  switch (row.check.file) {
    case hub::Health::kOk:
      return "ok";
    case hub::Health::kMismatch:
      return "MISMATCH";
    case hub::Health::kUnreadable:
      return "unreadable";
    case hub::Health::kUnchecked:
      break;
  }
  const bool hashed = item.kind == hub::CachedKind::kModel || item.kind == hub::CachedKind::kArchive ||
                      item.kind == hub::CachedKind::kSideFile;
  return hashed ? "unchecked" : "-";
}

std::string shown_path(const hub::CachedItem& item) { return item.hub_path.empty() ? item.rel : item.hub_path; }

std::string full(const std::string& root, const std::string& rel) { return root + "/" + rel; }

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

void print_cache_table(std::ostream& out, const app::CacheListing& listing) {
  std::vector<std::vector<std::string>> rows = {{"KIND", "SIZE", "SHA256", "CHECK", "DATA", "HUB PATH"}};
  for (const app::CacheRow& row : listing.rows) {
    const hub::CachedItem& item = row.item;
    std::string data = "-";
    if (!item.data_folder.empty()) data = format_bytes(item.data_bytes);
    rows.push_back({std::string(hub::kind_name(item.kind)), format_bytes(item.bytes),
                    item.sha.empty() ? "-" : item.sha.substr(0, 12), check_word(row), data, shown_path(item)});
  }
  print_text_table(out, rows, {1, 4});
}

std::string cache_summary(const app::CacheListing& listing) {
  std::size_t models = 0, archives = 0, unpacked = 0, data = 0, temps = 0, mismatches = 0, sides = 0, missing = 0,
              orphans = 0;
  std::uint64_t bytes = 0;
  for (const app::CacheRow& row : listing.rows) {
    const hub::CachedItem& item = row.item;
    bytes += item.bytes + item.data_bytes;
    models += item.kind == hub::CachedKind::kModel;
    archives += item.kind == hub::CachedKind::kArchive;
    unpacked += !item.data_folder.empty();
    data += item.kind == hub::CachedKind::kDataFolder;
    temps += item.kind == hub::CachedKind::kTemp;
    mismatches += row.check.file == hub::Health::kMismatch;
    sides += item.kind == hub::CachedKind::kSideFile && !item.missing;
    missing += item.missing;
    orphans += item.orphan;
  }
  if (!listing.exists) return "nothing cached: " + listing.root + " does not exist";
  std::string text = plural(models, "model", "models") + ", " + plural(archives, "archive", "archives") + " (" +
                     std::to_string(unpacked) + " unpacked)";
  if (sides > 0) text += ", " + plural(sides, "side file", "side files");
  if (missing > 0) text += ", " + plural(missing, "missing side file", "missing side files");
  if (orphans > 0) text += ", " + plural(orphans, "orphan", "orphans") + " (of no cached model)";
  if (data > 0) text += ", " + plural(data, "data folder without its archive", "data folders without their archive");
  if (temps > 0) text += ", " + plural(temps, "unfinished write", "unfinished writes");
  if (mismatches > 0) text += ", " + plural(mismatches, "sha mismatch", "sha mismatches");
  return text + ", " + format_bytes(bytes) + " in " + listing.root;
}

Json cache_listing_json(const app::CacheListing& listing) {
  Json items = Json::array();
  for (const app::CacheRow& row : listing.rows) {
    const hub::CachedItem& item = row.item;
    Json j = Json::object();
    j["kind"] = std::string(hub::kind_name(item.kind));
    j["hub_path"] = item.hub_path.empty() ? Json() : Json(item.hub_path);
    j["file"] = full(listing.root, item.rel);
    j["sha256"] = item.sha.empty() ? Json() : Json(item.sha);
    j["bytes"] = item.bytes;
    j["modified"] = item.mtime;
    j["not_regular"] = item.not_regular;
    j["sha_matches"] = row.check.file == hub::Health::kOk         ? Json(true)
                       : row.check.file == hub::Health::kMismatch ? Json(false)
                                                                  : Json();
    if (item.kind == hub::CachedKind::kArchive) {
      j["data_folder"] = item.data_folder.empty() ? Json() : Json(full(listing.root, item.data_folder));
      j["data_bytes"] = item.data_bytes;
    }
    if (item.kind == hub::CachedKind::kTemp) {
      j["pid"] = item.pid;
      j["stale"] = !item.owner_alive;
    }
    if (item.kind == hub::CachedKind::kModel && !item.side_list.empty()) {
      j["side_list"] = full(listing.root, item.side_list);
    }
    if (item.kind == hub::CachedKind::kSideFile) {
      j["expected_bytes"] = item.expected_bytes;
      j["models"] = item.models;
      j["missing"] = item.missing;
    }
    if (item.kind == hub::CachedKind::kSideFile || item.kind == hub::CachedKind::kSideList) j["orphan"] = item.orphan;
    items.push_back(std::move(j));
  }
  Json out = Json::object();
  out["root"] = listing.root;
  out["exists"] = listing.exists;
  out["items"] = std::move(items);
  return out;
}

Json prune_choice_json(const std::string& root, const app::PruneChoice& choice) {
  Json j = Json::object();
  j["kind"] = std::string(hub::kind_name(choice.item.kind));
  j["hub_path"] = choice.item.hub_path.empty() ? Json() : Json(choice.item.hub_path);
  j["file"] = full(root, choice.item.rel);
  if (!choice.item.data_folder.empty()) j["data_folder"] = full(root, choice.item.data_folder);
  j["bytes"] = choice.item.bytes + choice.item.data_bytes;
  j["reason"] = choice.reason;
  return j;
}

}  // namespace ohm::cli
