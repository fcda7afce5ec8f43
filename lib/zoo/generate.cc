#include "zoo/generate.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "core/checks.h"
#include "core/parallel.h"
#include "core/text.h"
#include "zoo/external_data.h"
#include "zoo/file_reads.h"
#include "zoo/row_plan.h"
#include "zoo/zoo_paths.h"

namespace ohm::zoo {
namespace {

using manifest::Entry;

// JSON strings must be UTF-8; README bytes and file names need not be.
bool all_utf8(const Entry& e, const RowPlan& p) {
  if (!is_valid_utf8(e.model) || !is_valid_utf8(e.model_path) || !is_valid_utf8(e.onnx_version)) return false;
  if (p.with_data_path && !is_valid_utf8(*p.with_data_path)) return false;
  for (const std::string& t : e.tags) {
    if (!is_valid_utf8(t)) return false;
  }
  return true;
}

bool has_tag(const std::vector<std::string>& tags, const std::string& tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// Builds the entry of one row; what it finds goes to its own sink, so rows
// can be built on several threads (what they share is only read, or is the
// FileReads, which computes each file's part once for all of them).
class RowBuilder {
 public:
  RowBuilder(FileReads& reads, const GenerateOptions& options, const Previous& previous, Diagnostics& diags)
      : reads_(reads), options_(options), previous_(previous), diags_(diags) {}

  // Reports a row problem and keeps the previous entry for the row's path.
  void row_error(const RowPlan& p, const std::string& code, const std::string& message, int column,
                 GenerateResult* result) {
    const Entry* kept = nullptr;
    if (p.model_path) {
      auto it = previous_.by_path.find(*p.model_path);
      if (it != previous_.by_path.end()) kept = it->second;
    }
    std::string outcome =
        kept ? "; kept the previous entry for " + kept->model_path : "; no entry written for this row";
    diags_.add({Severity::kError, p.readme, p.line, column, code, message + outcome, {}});
    if (kept) {
      BuiltEntry b{*kept, {}, {}};
      b.origin.readme = p.readme;
      b.origin.line = p.line;
      b.origin.kept_previous = true;
      result->entries.push_back(std::move(b));
    }
  }

  std::vector<std::string> feature_names(const RowPlan& p) const {
    auto it = options_.feature_tensors.find(p.model);
    if (it == options_.feature_tensors.end() || !has_tag(p.tags, "classification")) return {};
    return {it->second};
  }

  // A path the Python client cannot fetch: written all the same (it is the
  // README's link), with a warning saying what to rename.
  void warn_unportable(const RowPlan& p, const char* key, const std::string& path) {
    const std::string why = unportable_path_reason(path);
    if (why.empty()) return;
    diags_.warning(
        p.readme, p.line, check::kPathUnportable,
        std::string(key) + " \"" + path + "\": " + why +
            ", which the Python hub client (onnx.hub) puts into its download URL unescaped: rename the file");
  }

  void build(const RowPlan& p, GenerateResult* result) {
    if (!p.error.empty()) return row_error(p, p.error_code, p.error, p.error_column, result);
    Entry e;
    e.model = p.model;
    e.model_path = *p.model_path;
    e.onnx_version = p.onnx_version;
    e.opset_version = p.opset;
    e.tags = p.tags;
    if (!all_utf8(e, p)) {
      return row_error(p, check::kReadmeRowEncoding, "the row's text or paths are not valid UTF-8", 0, result);
    }

    warn_unportable(p, "model_path", e.model_path);
    if (p.with_data_path) warn_unportable(p, "model_with_data_path", *p.with_data_path);

    // The model file is read once for every row linking it (file_reads.h).
    const ModelRead& model = reads_.model(e.model_path, feature_names(p));
    if (model.failure) return row_error(p, model.failure->code, model.failure->message, 0, result);
    place(model.findings, p.readme, p.line, diags_);
    e.model_sha = model.entry.model_sha;
    e.model_bytes = model.entry.model_bytes;
    e.io_ports = model.ports().io_ports;
    e.extra_ports = model.ports().extra_ports;
    e.external_data = model.entry.external_data;
    EntryOrigin origin = model.origin;
    origin.readme = p.readme;
    origin.line = p.line;

    if (p.with_data_path) {
      const ArchiveRead& data = reads_.archive(*p.with_data_path, e.io_ports);
      const Result<ArtifactInfo>& info = *data.info;
      if (!info) {
        return row_error(p, info.failure().code, "Download (with sample test data): " + info.error(), 0, result);
      }
      place(data.findings, p.readme, p.line, diags_);
      origin.archive = data.origin.archive;
      origin.archive_error = data.origin.archive_error;
      origin.archive_absent = data.origin.archive_absent;
      e.model_with_data_path = *p.with_data_path;
      e.model_with_data_sha = info->sha;
      e.model_with_data_bytes = info->bytes;
    }
    result->entries.push_back({std::move(e), std::move(origin), {}});
  }

  FileReads& reads_;
  const GenerateOptions& options_;
  const Previous& previous_;
  Diagnostics& diags_;
};

class Generator {
 public:
  Generator(ReadmeSet& readmes, const GenerateOptions& options, Diagnostics& diags)
      : readmes_(readmes),
        source_(readmes.source()),
        options_(options),
        diags_(diags),
        previous_(options.previous.get(), options.reuse) {}

  GenerateResult run() {
    GenerateResult result;
    Discovery found =
        options_.discovered ? *options_.discovered : discover_readmes(readmes_, options_.discover, diags_);
    result.mode_used = found.mode_used;
    result.readmes = found.readmes;
    if (!options_.discovered) result.all_readmes = found.readmes;
    result.discovery_failed = found.failed;
    readmes_.read_all(found.readmes, options_.jobs);
    // Each README's rows are planned on its own (on --jobs threads), what it
    // finds in its own slot, taken in README order.
    struct Planned {
      std::vector<RowPlan> plans;
      Diagnostics diags;
      std::optional<std::string> kept_folder;
    };
    std::vector<Planned> planned(found.readmes.size());
    std::vector<std::size_t> order(planned.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    for_each_parallel(order, options_.jobs, [&](std::size_t i) {
      const std::string& rel = found.readmes[i];
      Planned& out = planned[i];
      const Result<ParsedReadme>& readme = readmes_.get(rel);
      if (!readme) {
        // Its rows are unknown: what it published stays (as a row error keeps its entry).
        Diagnostic d = to_diagnostic(readme.failure(), Severity::kError, rel, 0);
        if (const std::string folder = parent_folder(rel); !folder.empty()) {
          d.message += "; previous entries under " + folder + "/ are kept";
          out.kept_folder = folder;
        }
        out.diags.add(std::move(d));
        return;
      }
      if (std::size_t bad = first_invalid_utf8(readme->text); bad != std::string::npos) {
        out.diags.error(rel, line_column_at(readme->text, bad).line, check::kReadmeEncoding,
                        "the README is not valid UTF-8 here; rows from this line on may not be read");
      }
      out.plans = plan_rows(rel, *readme, out.diags);
    });
    std::vector<RowPlan> plans;
    std::vector<std::string> kept_folders = found.unreachable_folders;
    for (Planned& one : planned) {
      diags_.merge(one.diags);
      if (one.kept_folder) kept_folders.push_back(*one.kept_folder);
      for (RowPlan& p : one.plans) {
        if (options_.shard && !in_shard(*options_.shard, shard_key(p))) continue;
        plans.push_back(std::move(p));
      }
    }
    build_all(plans, &result);
    keep_entries_under(kept_folders, &result);
    drop_redundant_kept_entries(&result.entries);
    sort_by_model_path(&result.entries);
    report_collisions(result);
    return result;
  }

  void report_collisions(const GenerateResult& result) {
    std::vector<const Entry*> entries;
    for (const BuiltEntry& b : result.entries) entries.push_back(&b.entry);
    for (const Collision& c : find_collisions(entries)) {
      const BuiltEntry& b = result.entries[c.entry];
      diags_.error(b.origin.readme, b.origin.line, check::kExternalDataCollision,
                   b.entry.model_path + ": " + c.message);
    }
  }

 private:
  // What assigns a row to a shard: its model_path, or for a row whose path is
  // unknown (an error without an entry) its README, so it is reported once.
  static const std::string& shard_key(const RowPlan& p) { return p.model_path ? *p.model_path : p.readme; }

  // Builds every row on up to options_.jobs threads, the largest model first;
  // each row's entries and findings land in its own slot and are taken in row
  // order, so the result is the same for every number of threads.
  void build_all(const std::vector<RowPlan>& plans, GenerateResult* result) {
    std::vector<std::uint64_t> sizes(plans.size(), 0);
    std::vector<fs::FileStatus> looked(plans.size());
    Progress progress;
    progress.models_total = plans.size();
    std::vector<std::size_t> in_order(plans.size());
    for (std::size_t i = 0; i < in_order.size(); ++i) in_order[i] = i;
    for_each_parallel(in_order, options_.jobs, [&](std::size_t i) {
      if (plans[i].model_path) looked[i] = source_.stat(*plans[i].model_path);
    });
    // What each model is, looked at once: the read that follows trusts it.
    std::unordered_map<std::string_view, fs::FileStatus> looked_at;
    looked_at.reserve(plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) {
      sizes[i] = looked[i].size;
      progress.bytes_total += sizes[i];
      if (plans[i].model_path) looked_at.emplace(*plans[i].model_path, looked[i]);
    }
    struct Slot {
      GenerateResult built;
      Diagnostics diags;
    };
    std::vector<Slot> slots(plans.size());
    FileReads reads(source_, options_, previous_, std::move(looked_at));  // shared by the rows; gone with this run
    std::mutex progress_lock;
    for_each_parallel(largest_first(sizes), options_.jobs, [&](std::size_t i) {
      RowBuilder(reads, options_, previous_, slots[i].diags).build(plans[i], &slots[i].built);
      if (!options_.on_progress) return;
      std::lock_guard<std::mutex> hold(progress_lock);
      ++progress.models_done;
      progress.bytes_done += sizes[i];
      options_.on_progress(progress);
    });
    std::size_t total = result->entries.size();
    for (const Slot& slot : slots) total += slot.built.entries.size();
    result->entries.reserve(total);  // an entry is large: each moved once
    for (Slot& slot : slots) {
      diags_.merge(slot.diags);
      for (BuiltEntry& b : slot.built.entries) result->entries.push_back(std::move(b));
    }
  }

  // Previous entries below folders a broken index link names stay published.
  void keep_entries_under(const std::vector<std::string>& folders, GenerateResult* result) const {
    for (const std::string& folder : folders) {
      for (const Entry& e : options_.previous) {
        if (e.model_path.rfind(folder + "/", 0) != 0) continue;
        if (options_.shard && !in_shard(*options_.shard, e.model_path)) continue;
        BuiltEntry b{e, {}, {}};
        b.origin.readme = kRootReadme;
        b.origin.kept_previous = true;
        result->entries.push_back(std::move(b));
      }
    }
  }

  // Stable, moving each entry once: an entry is large, and sorting the
  // entries themselves moved each about log2(n) times.
  static void sort_by_model_path(std::vector<BuiltEntry>* entries) {
    std::vector<std::size_t> order(entries->size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [entries](std::size_t a, std::size_t b) {
      return (*entries)[a].entry.model_path < (*entries)[b].entry.model_path;
    });
    std::vector<BuiltEntry> sorted;
    sorted.reserve(entries->size());
    for (std::size_t i : order) sorted.push_back(std::move((*entries)[i]));
    *entries = std::move(sorted);
  }

  // A kept entry stands in for a broken row only: when another row built the
  // same path, or an earlier broken row kept it already, it would be a duplicate.
  static void drop_redundant_kept_entries(std::vector<BuiltEntry>* entries) {
    auto kept = [](const BuiltEntry& b) { return b.origin.kept_previous; };
    if (std::none_of(entries->begin(), entries->end(), kept)) return;
    std::unordered_map<std::string, bool> built;  // path -> built by a good row
    for (const BuiltEntry& b : *entries) {
      if (!b.origin.kept_previous) built[b.entry.model_path] = true;
    }
    auto redundant = [&built](const BuiltEntry& b) {
      if (!b.origin.kept_previous) return false;
      if (built.count(b.entry.model_path)) return true;
      built[b.entry.model_path] = false;
      return false;
    };
    entries->erase(std::remove_if(entries->begin(), entries->end(), redundant), entries->end());
  }

  ReadmeSet& readmes_;
  const Source& source_;
  const GenerateOptions& options_;
  Diagnostics& diags_;
  Previous previous_;
};

}  // namespace

GenerateResult generate(ReadmeSet& readmes, const GenerateOptions& options, Diagnostics& diags) {
  return Generator(readmes, options, diags).run();
}

GenerateResult generate(const Source& source, const GenerateOptions& options, Diagnostics& diags) {
  ReadmeSet readmes(source);
  return generate(readmes, options, diags);
}

std::vector<manifest::Entry> entries_of(const GenerateResult& result) {
  std::vector<manifest::Entry> out;
  out.reserve(result.entries.size());
  for (const BuiltEntry& b : result.entries) out.push_back(b.entry);
  return out;
}

}  // namespace ohm::zoo
