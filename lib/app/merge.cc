#include "app/merge.h"

#include <algorithm>
#include <map>

#include "app/shard_part.h"
#include "core/checks.h"
#include "core/diagnostic.h"
#include "fs/atomic_file.h"
#include "fs/file_reader.h"
#include "manifest/json_io.h"

namespace ohm::app {
namespace {

struct Part {
  std::string path;
  ShardPart info;
  std::vector<manifest::Entry> entries;
};

constexpr std::uint64_t kMaxSideFileBytes = 1u << 16;

// One part and its side file, checked to be what generate --shard wrote.
Result<Part> read_part(const std::string& path) {
  auto text = fs::read_regular_file(path, manifest::kMaxManifestBytes);
  if (!text) return text.failure();
  const std::string side_path = shard_part_path(path);
  if (fs::status_of(side_path).kind == fs::FileKind::kMissing) {
    return problem(check::kMergePartInvalid,
                   "no " + side_path + " beside it: not a part written by generate --shard K/N -o FILE", path);
  }
  auto side = fs::read_regular_file(side_path, kMaxSideFileBytes);
  if (!side) return side.failure();
  auto info = parse_shard_part(*side, side_path);
  if (!info) return info.failure();
  Diagnostics not_kept;
  auto entries = manifest::parse_manifest(*text, path, not_kept);
  if (!entries || !not_kept.all().empty() || manifest::write_manifest(*entries) != *text) {
    return problem(check::kMergePartInvalid, "not a manifest as generate writes it", path);
  }
  if (entries->size() != info->entries) {
    return problem(
        check::kMergePartInvalid,
        "holds " + std::to_string(entries->size()) + " entries, its side file says " + std::to_string(info->entries),
        path);
  }
  for (const manifest::Entry& e : *entries) {
    if (!zoo::in_shard(info->shard, e.model_path)) {
      return problem(check::kMergePartInvalid,
                     e.model_path + " belongs to shard " +
                         std::to_string(zoo::shard_of(e.model_path, info->shard.count)) + "/" +
                         std::to_string(info->shard.count) + ", not " + zoo::to_string(info->shard),
                     path);
    }
  }
  return Part{path, std::move(*info), std::move(*entries)};
}

// The parts fit together: one N, one revision, each K once, none missing.
Result<void> check_parts(const std::vector<Part>& parts) {
  const Part& first = parts.front();
  std::map<std::uint32_t, const Part*> by_index;
  for (const Part& p : parts) {
    if (p.info.shard.count != first.info.shard.count) {
      return problem(check::kMergeShardCount,
                     "shard " + zoo::to_string(p.info.shard) + ", but " + first.path + " is shard " +
                         zoo::to_string(first.info.shard) + ": parts of different splits",
                     p.path);
    }
    if (p.info.revision != first.info.revision) {
      auto shown = [](const std::string& r) { return r.empty() ? std::string("no revision (not git)") : r; };
      return problem(
          check::kMergeMixedRevisions,
          "generated from " + shown(p.info.revision) + ", " + first.path + " from " + shown(first.info.revision),
          p.path);
    }
    auto [at, fresh] = by_index.emplace(p.info.shard.index, &p);
    if (!fresh) {
      return problem(check::kMergeOverlap,
                     "shard " + zoo::to_string(p.info.shard) + ", as " + at->second->path + " is: each shard once",
                     p.path);
    }
  }
  std::vector<std::string> missing;
  for (std::uint32_t k = 1; k <= first.info.shard.count; ++k) {
    if (!by_index.count(k)) missing.push_back(zoo::to_string(zoo::Shard{k, first.info.shard.count}));
  }
  if (!missing.empty()) {
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i) list += (i == 0 ? "" : ", ") + missing[i];
    return problem(check::kMergeMissingShard,
                   (missing.size() == 1 ? "shard " + list + " has" : "shards " + list + " have") +
                       " no part: give every part of the split",
                   first.path);
  }
  return {};
}

}  // namespace

Result<MergeOutcome> merge(const MergeRequest& request) {
  if (request.parts.empty()) return cannot_run("merge needs at least one part");
  std::vector<Part> parts;
  for (const std::string& path : request.parts) {
    auto part = read_part(path);
    if (!part) return part.failure();
    parts.push_back(std::move(*part));
  }
  if (auto fits = check_parts(parts); !fits) return fits.failure();
  // A full run sorts by model_path, keeping rows' order among equal paths;
  // equal paths are in one shard, so sorting the parts in shard order is the same.
  std::sort(parts.begin(), parts.end(),
            [](const Part& a, const Part& b) { return a.info.shard.index < b.info.shard.index; });
  std::vector<manifest::Entry> entries;
  for (Part& p : parts) {
    for (manifest::Entry& e : p.entries) entries.push_back(std::move(e));
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const manifest::Entry& a, const manifest::Entry& b) { return a.model_path < b.model_path; });
  MergeOutcome out;
  out.text = manifest::write_manifest(entries);
  out.entries = entries.size();
  out.shards = parts.size();
  out.revision = parts.front().info.revision;
  if (request.output.empty()) return out;
  if (auto written = fs::write_file_atomically(request.output, out.text); !written) {
    out.write_error = written.failure();
  } else {
    out.target = request.output;
  }
  return out;
}

}  // namespace ohm::app
