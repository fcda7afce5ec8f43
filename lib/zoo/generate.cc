#include "zoo/generate.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "core/checks.h"
#include "core/text.h"
#include "manifest/ports_json.h"
#include "onnx/model_reader.h"
#include "zoo/artifact.h"
#include "zoo/external_data.h"
#include "zoo/parallel.h"
#include "zoo/row_plan.h"
#include "zoo/test_data.h"
#include "zoo/zoo_paths.h"

namespace ohm::zoo {
namespace {

using manifest::Entry;
using manifest::Json;

struct Ports {
  std::optional<Json> io_ports, extra_ports;
  std::optional<Json> external_data;  // its paths are reused; sha and size are read again
};

// Everything the previous manifest offers: entries by path (for rows with
// errors) and ports by model_sha (for reuse).
struct Previous {
  std::unordered_map<std::string, const Entry*> by_path;
  std::unordered_map<std::string, Ports> by_sha;

  Previous(const std::vector<Entry>& entries, bool reuse) {
    for (const Entry& e : entries) {
      by_path.emplace(e.model_path, &e);
      if (reuse) by_sha.emplace(e.model_sha, Ports{e.io_ports, e.extra_ports, e.external_data});
    }
  }
};

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
// can be built on several threads (everything it shares is only read).
class RowBuilder {
 public:
  RowBuilder(const Source& source, const GenerateOptions& options, const Previous& previous, Diagnostics& diags)
      : source_(source), options_(options), previous_(previous), diags_(diags) {}

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
      BuiltEntry b{*kept, {}};
      b.origin.readme = p.readme;
      b.origin.line = p.line;
      b.origin.kept_previous = true;
      result->entries.push_back(std::move(b));
    }
  }

  bool reusable(const std::string& sha) const { return !options_.recompute_ports && previous_.by_sha.count(sha) > 0; }

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

  // An LFS store object that did not match its pointer is an error of the row;
  // one that is not in the store is just absent content.
  void report_content_error(const RowPlan& p, const ArtifactInfo& info) {
    if (info.content_error && info.content_error->code != kLfsAbsent) {
      diags_.error(p.readme, p.line, check::kArtifactLfsCorrupt, info.content_error->message);
    }
  }

  void build(const RowPlan& p, GenerateResult* result) {
    if (!p.error.empty()) return row_error(p, p.error_code, p.error, p.error_column, result);
    Entry e;
    e.model = p.model;
    e.model_path = *p.model_path;
    e.onnx_version = p.onnx_version;
    e.opset_version = p.opset;
    e.tags = p.tags;
    EntryOrigin origin;
    origin.readme = p.readme;
    origin.line = p.line;
    if (!all_utf8(e, p)) {
      return row_error(p, check::kReadmeRowEncoding, "the row's text or paths are not valid UTF-8", 0, result);
    }

    warn_unportable(p, "model_path", e.model_path);
    if (p.with_data_path) warn_unportable(p, "model_with_data_path", *p.with_data_path);

    // Ports come from the previous manifest when the content is the same;
    // only otherwise is the model's content wanted.
    onnx::ModelReader reader;
    ContentRequest to_reader{[&reader](std::string_view chunk) {
                               reader.feed(chunk);
                               return true;
                             },
                             [this](const std::string& sha) { return !reusable(sha); }};
    auto model = read_artifact(source_, e.model_path, &to_reader);
    if (!model) return row_error(p, model.failure().code, model.error(), 0, result);
    e.model_sha = model->sha;
    e.model_bytes = model->bytes;
    origin.content_present = model->content_streamed;
    report_content_error(p, *model);

    auto reused = previous_.by_sha.find(e.model_sha);
    if (reusable(e.model_sha)) {
      e.io_ports = reused->second.io_ports;
      e.extra_ports = reused->second.extra_ports;
      // The content went through the reader all the same: check it (no inference).
      if (options_.check_models && model->content_streamed) check_only(p, reader, e.model_path, &origin);
    } else if (model->content_streamed) {
      inspect(p, reader, &e, &origin);
    } else if (reused != previous_.by_sha.end()) {
      // --recompute-ports without the content: the known ports are all there is.
      e.io_ports = reused->second.io_ports;
      e.extra_ports = reused->second.extra_ports;
    } else if (options_.reuse && !options_.previous.empty()) {
      diags_.warning(p.readme, p.line, check::kModelContentMissing,
                     e.model_path + " changed and its content is not here, so it has no io_ports; fetch it with: " +
                         lfs_pull_hint(source_, e.model_path));
    }

    attach_side_files(p, *model, reader, reused != previous_.by_sha.end() ? &reused->second : nullptr, &e, &origin);

    if (p.with_data_path) {
      auto data = read_with_data(p, e, *p.with_data_path, &origin);
      if (!data) {
        return row_error(p, data.failure().code, "Download (with sample test data): " + data.error(), 0, result);
      }
      e.model_with_data_path = *p.with_data_path;
      e.model_with_data_sha = data->sha;
      e.model_with_data_bytes = data->bytes;
    }
    result->entries.push_back({std::move(e), std::move(origin)});
  }

  // metadata.external_data: from the tensors' locations when the model's
  // content was read, else the paths of the entry with the same model_sha;
  // sha and size of each side file are read in this run either way.
  void attach_side_files(const RowPlan& p, const ArtifactInfo& model, const onnx::ModelReader& reader,
                         const Ports* reused, Entry* e, EntryOrigin* origin) {
    SideFiles side;
    if (model.content_streamed) {
      origin->external_data_known = true;
      if (reader.external_data().empty()) return;
      side = read_side_files(source_, e->model_path, reader.external_data());
    } else if (reused && reused->external_data) {
      origin->external_data_known = true;
      side = reread_side_files(source_, e->model_path, *reused->external_data);
    } else {
      return;
    }
    origin->uses_external_data = true;
    for (const SideFileFinding& f : side.findings) {
      diags_.error(p.readme, p.line, f.code, e->model_path + ": " + f.message);
    }
    if (!side.list.empty()) e->external_data = std::move(side.list);
  }

  // The with-data archive's sha and size and, with read_archives, its listing
  // and the check of its test data against `e`'s ports, from one read of its bytes.
  Result<ArtifactInfo> read_with_data(const RowPlan& p, const Entry& e, const std::string& path, EntryOrigin* origin) {
    if (!options_.read_archives) return read_artifact(source_, path, nullptr);
    std::optional<onnx::IoPorts> ports;
    if (options_.check_models && e.io_ports) ports = manifest::ports_from_json(*e.io_ports);
    TestDataChecker test_data([&ports]() { return ports ? &*ports : nullptr; });
    std::optional<Result<ArtifactInfo>> info;
    archive::StreamFn stream = [&](const fs::ChunkSink& sink) -> Result<std::uint64_t> {
      ContentRequest request{sink, [](const std::string&) { return true; }};
      info.emplace(read_artifact(source_, path, &request));
      if (!*info) return info->failure();
      if (!(*info)->content_streamed) return cannot_run("the archive's content is not here");
      return (*info)->bytes;
    };
    archive::ReadOptions read;
    read.limits = options_.archive_limits;
    if (ports) {
      read.data_sink = [&test_data](const archive::EntryInfo&, const std::string& normalized) {
        return test_data.sink_for(normalized);
      };
    }
    Result<archive::Listing> listing = archive::read_tarball(stream, read);
    if (!info) return cannot_run("cannot read " + path);
    if (!*info) return *info;
    if (!(*info)->content_streamed) {
      origin->archive_absent = true;
      report_content_error(p, **info);
    } else if (listing) {
      for (const TestDataFinding& f : test_data.finish(listing->test_data_sets)) {
        diags_.add(
            {options_.check_severity, p.readme, p.line, 0, f.code, path + ": " + f.entry + ": " + f.message, {}});
      }
      origin->archive = std::move(*listing);
    } else {
      origin->archive_error = listing.failure();
    }
    return *info;
  }

  // The checker's verdict and the tensors whose payload does not fit.
  void report_model_checks(const RowPlan& p, const std::string& path, const onnx::ModelReader& reader,
                           const onnx::ModelInfo* info) {
    const Severity severity = options_.check_severity;
    if (const auto& verdict = reader.checker_verdict(); verdict && !verdict->passed && verdict->undecided.empty()) {
      const std::string first_line = verdict->message.substr(0, verdict->message.find('\n'));
      const std::string checker = std::string("the ONNX checker") + (options_.full_check ? " (full check)" : "");
      diags_.add({severity,
                  p.readme,
                  p.line,
                  0,
                  verdict->crashed ? check::kCheckerCrashed : check::kModelChecker,
                  path + ": " + checker + (verdict->crashed ? " broke on it: " : " refuses it: ") + first_line,
                  {}});
    }
    if (info == nullptr) return;
    for (const onnx::TensorSizeFault& fault : info->tensor_size_faults) {
      diags_.add({severity, p.readme, p.line, 0, check::kModelTensorSize, path + ": " + onnx::describe(fault), {}});
    }
    if (info->tensor_size_fault_count > info->tensor_size_faults.size()) {
      diags_.add({severity,
                  p.readme,
                  p.line,
                  0,
                  check::kModelTensorSize,
                  path + ": and " + std::to_string(info->tensor_size_fault_count - info->tensor_size_faults.size()) +
                      " more tensors whose payload does not fit",
                  {}});
    }
  }

  onnx::FinishOptions finish_options(const std::string& model_path) const {
    onnx::FinishOptions o;
    o.run_checker = options_.check_models;
    o.full_check = options_.full_check;
    // External data is looked for beside the model when the zoo is on disk.
    const auto dir = source_.disk_path(parent_folder(model_path));
    o.side_files_on_disk = dir.has_value();
    o.model_dir = dir.value_or("");
    if (!o.model_dir.empty()) o.model_dir += "/";
    return o;
  }

  // The checks alone, for a model whose ports are known by sha.
  void check_only(const RowPlan& p, onnx::ModelReader& reader, const std::string& model_path, EntryOrigin* origin) {
    onnx::FinishOptions o = finish_options(model_path);
    o.inspect = false;
    auto info = reader.finish({}, o);
    origin->model_checked = reader.checker_verdict().has_value();
    report_model_checks(p, model_path, reader, info ? &*info : nullptr);
  }

  void inspect(const RowPlan& p, onnx::ModelReader& reader, Entry* e, EntryOrigin* origin) {
    std::vector<std::string> wanted = feature_names(p);
    auto info = reader.finish(wanted, finish_options(e->model_path));
    origin->model_checked = reader.checker_verdict().has_value();
    if (!info) {
      diags_.error(p.readme, p.line, check::kModelUnreadable,
                   e->model_path + ": " + info.error() + "; io_ports left out");
      if (options_.check_models) report_model_checks(p, e->model_path, reader, nullptr);
      return;
    }
    for (const onnx::ModelWarning& w : info->warnings) {
      diags_.warning(p.readme, p.line, w.code, e->model_path + ": " + w.message);
    }
    if (options_.check_models) report_model_checks(p, e->model_path, reader, &*info);
    origin->model_opset = info->opset;
    origin->ports_from_content = true;
    origin->uses_external_data = origin->uses_external_data || info->uses_external_data;
    e->io_ports = manifest::to_json(info->io_ports);
    if (!wanted.empty()) {
      auto shape = info->feature_shapes.find(wanted[0]);
      if (shape != info->feature_shapes.end()) e->extra_ports = manifest::features_json(wanted[0], shape->second);
    }
  }

  const Source& source_;
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
        previous_(options.previous, options.reuse) {}

  GenerateResult run() {
    GenerateResult result;
    Discovery found =
        options_.discovered ? *options_.discovered : discover_readmes(readmes_, options_.discover, diags_);
    result.mode_used = found.mode_used;
    result.readmes = found.readmes;
    if (!options_.discovered) result.all_readmes = found.readmes;
    result.discovery_failed = found.failed;
    std::vector<RowPlan> plans;
    std::vector<std::string> kept_folders = found.unreachable_folders;
    for (const std::string& rel : found.readmes) {
      const Result<ParsedReadme>& readme = readmes_.get(rel);
      if (!readme) {
        // Its rows are unknown: what it published stays (as a row error keeps its entry).
        Diagnostic d = to_diagnostic(readme.failure(), Severity::kError, rel, 0);
        if (const std::string folder = parent_folder(rel); !folder.empty()) {
          d.message += "; previous entries under " + folder + "/ are kept";
          kept_folders.push_back(folder);
        }
        diags_.add(std::move(d));
        continue;
      }
      if (std::size_t bad = first_invalid_utf8(readme->text); bad != std::string::npos) {
        diags_.error(rel, line_column_at(readme->text, bad).line, check::kReadmeEncoding,
                     "the README is not valid UTF-8 here; rows from this line on may not be read");
      }
      for (RowPlan& p : plan_rows(rel, *readme, diags_)) {
        if (options_.shard && !in_shard(*options_.shard, shard_key(p))) continue;
        plans.push_back(std::move(p));
      }
    }
    build_all(plans, &result);
    keep_entries_under(kept_folders, &result);
    drop_redundant_kept_entries(&result.entries);
    std::stable_sort(result.entries.begin(), result.entries.end(),
                     [](const BuiltEntry& a, const BuiltEntry& b) { return a.entry.model_path < b.entry.model_path; });
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
    Progress progress;
    progress.models_total = plans.size();
    for (std::size_t i = 0; i < plans.size(); ++i) {
      if (plans[i].model_path) sizes[i] = source_.stat(*plans[i].model_path).size;
      progress.bytes_total += sizes[i];
    }
    struct Slot {
      GenerateResult built;
      Diagnostics diags;
    };
    std::vector<Slot> slots(plans.size());
    std::mutex progress_lock;
    for_each_parallel(largest_first(sizes), options_.jobs, [&](std::size_t i) {
      RowBuilder(source_, options_, previous_, slots[i].diags).build(plans[i], &slots[i].built);
      if (!options_.on_progress) return;
      std::lock_guard<std::mutex> hold(progress_lock);
      ++progress.models_done;
      progress.bytes_done += sizes[i];
      options_.on_progress(progress);
    });
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
        BuiltEntry b{e, {}};
        b.origin.readme = kRootReadme;
        b.origin.kept_previous = true;
        result->entries.push_back(std::move(b));
      }
    }
  }

  // A kept entry stands in for a broken row only: when another row built the
  // same path, or an earlier broken row kept it already, it would be a duplicate.
  static void drop_redundant_kept_entries(std::vector<BuiltEntry>* entries) {
    std::unordered_map<std::string, bool> built;  // path -> built by a good row
    for (const BuiltEntry& b : *entries) {
      if (!b.origin.kept_previous) built[b.entry.model_path] = true;
    }
    std::vector<BuiltEntry> out;
    for (BuiltEntry& b : *entries) {
      if (b.origin.kept_previous) {
        if (built.count(b.entry.model_path)) continue;
        built[b.entry.model_path] = false;
      }
      out.push_back(std::move(b));
    }
    *entries = std::move(out);
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
