#include "zoo/file_reads.h"

#include "core/checks.h"
#include "manifest/ports_json.h"
#include "onnx/model_reader.h"
#include "zoo/artifact.h"
#include "zoo/test_data.h"
#include "zoo/zoo_paths.h"

namespace ohm::zoo {
namespace {

using manifest::Entry;
using manifest::Json;

// Unplaced findings: placed at each row by place().
void add(Diagnostics& found, Severity severity, const std::string& code, std::string message) {
  found.add({severity, {}, 0, 0, code, std::move(message), {}});
}

// An LFS store object that did not match its pointer is an error of the row;
// one that is not in the store is just absent content.
void report_content_error(const ArtifactInfo& info, Diagnostics& found) {
  if (info.content_error && info.content_error->code != kLfsAbsent) {
    add(found, Severity::kError, check::kArtifactLfsCorrupt, info.content_error->message);
  }
}

// Reads one model: what FileReads::model() keeps.
class ModelReading {
 public:
  ModelReading(const Source& source, const GenerateOptions& options, const Previous& previous,
               SideFileReads& side_files, const std::string& path, const fs::FileStatus* looked_at)
      : source_(source),
        options_(options),
        previous_(previous),
        side_files_(side_files),
        path_(path),
        looked_at_(looked_at) {}

  ModelRead run(const std::vector<std::string>& features) {
    ModelRead out;
    Entry& e = out.entry;
    EntryOrigin& origin = out.origin;
    e.model_path = path_;
    // Ports come from the previous manifest when the content is the same;
    // only otherwise is the model's content wanted.
    onnx::ModelReader reader;
    ContentRequest to_reader{[&reader](std::string_view chunk) {
                               reader.feed(chunk);
                               return true;
                             },
                             [this](const std::string& sha) { return !reusable(sha); }};
    auto model = read_artifact(source_, path_, &to_reader, looked_at_);
    if (!model) {
      out.failure = model.failure();
      return out;
    }
    e.model_sha = model->sha;
    e.model_bytes = model->bytes;
    origin.content_present = model->content_streamed;
    report_content_error(*model, found_);

    auto reused = previous_.by_sha.find(e.model_sha);
    // Side files first (their locations are known while feeding), so that the
    // checker does not report a missing one again; their findings come last.
    std::optional<SideFiles> side =
        side_files(*model, reader, reused != previous_.by_sha.end() ? reused->second : nullptr, &origin);
    if (side) {
      unread_ = side->unread;
      // The index and commits are not on disk: the checker cannot open side files there.
      side_files_out_of_reach_ = finish_options().model_dir.empty();
    }
    if (reusable(e.model_sha)) {
      out.ports_reused_from = reused->second;
      // The content went through the reader all the same: check it (no inference).
      if (options_.check_models && model->content_streamed) check_only(reader, &origin);
    } else if (model->content_streamed) {
      inspect(reader, features, &e, &origin);
    } else if (reused != previous_.by_sha.end()) {
      // --recompute-ports without the content: the known ports are all there is.
      out.ports_reused_from = reused->second;
    } else if (options_.reuse && !options_.previous.empty()) {
      add(found_, Severity::kWarning, check::kModelContentMissing,
          path_ + " changed and its content is not here, so it has no io_ports; fetch it with: " +
              lfs_pull_hint(source_, path_));
    }

    if (side) attach(std::move(*side), &e, &origin);
    out.findings = found_.take();
    return out;
  }

 private:
  bool reusable(const std::string& sha) const { return !options_.recompute_ports && previous_.by_sha.count(sha) > 0; }

  // metadata.external_data: from the tensors' locations when the model's
  // content was read, else the paths of the entry with the same model_sha;
  // sha and size of each side file are read in this run either way. nullopt
  // when the model has none.
  std::optional<SideFiles> side_files(const ArtifactInfo& model, const onnx::ModelReader& reader, const Entry* reused,
                                      EntryOrigin* origin) {
    if (model.content_streamed) {
      origin->external_data_known = true;
      if (reader.external_data().empty()) return std::nullopt;
      return read_side_files(source_, path_, reader.external_data(), &side_files_);
    }
    if (reused && reused->external_data) {
      origin->external_data_known = true;
      return reread_side_files(source_, path_, reused->model_path, *reused->external_data, &side_files_);
    }
    return std::nullopt;
  }

  void attach(SideFiles side, Entry* e, EntryOrigin* origin) {
    origin->uses_external_data = true;
    origin->side_files_unread = std::move(side.unread);
    for (const SideFileFinding& f : side.findings) add(found_, Severity::kError, f.code, path_ + ": " + f.message);
    if (!side.list.empty()) e->external_data = std::move(side.list);
  }

  // libonnx's checker refusing a tensor whose side file is not there: the
  // side file's own finding (artifact.missing, ...) says it already, or the
  // file is there but not on disk for the checker (--staged, --rev).
  bool about_unread_side_file(const std::string& message) const {
    return (!unread_.empty() || side_files_out_of_reach_) &&
           message.find(") should be stored in ") != std::string::npos &&
           message.find(", but it doesn't exist or is not accessible") != std::string::npos;
  }

  // The checker's verdict and the tensors whose payload does not fit.
  void report_model_checks(const onnx::ModelReader& reader, const onnx::ModelInfo* info) {
    const Severity severity = options_.check_severity;
    if (const auto& verdict = reader.checker_verdict();
        verdict && !verdict->passed && verdict->undecided.empty() && !about_unread_side_file(verdict->message)) {
      const std::string first_line = verdict->message.substr(0, verdict->message.find('\n'));
      const std::string checker = std::string("the ONNX checker") + (options_.full_check ? " (full check)" : "");
      add(found_, severity, verdict->crashed ? check::kCheckerCrashed : check::kModelChecker,
          path_ + ": " + checker + (verdict->crashed ? " broke on it: " : " refuses it: ") + first_line);
    }
    if (info == nullptr) return;
    for (const onnx::TensorSizeFault& fault : info->tensor_size_faults) {
      add(found_, severity, check::kModelTensorSize, path_ + ": " + onnx::describe(fault));
    }
    if (info->tensor_size_fault_count > info->tensor_size_faults.size()) {
      add(found_, severity, check::kModelTensorSize,
          path_ + ": and " + std::to_string(info->tensor_size_fault_count - info->tensor_size_faults.size()) +
              " more tensors whose payload does not fit");
    }
  }

  onnx::FinishOptions finish_options() const {
    onnx::FinishOptions o;
    o.run_checker = options_.check_models;
    o.full_check = options_.full_check;
    // External data is looked for beside the model when the zoo is on disk.
    const auto dir = source_.disk_path(parent_folder(path_));
    o.side_files_on_disk = dir.has_value();
    o.model_dir = dir.value_or("");
    if (!o.model_dir.empty()) o.model_dir += "/";
    return o;
  }

  // The checks alone, for a model whose ports are known by sha.
  void check_only(onnx::ModelReader& reader, EntryOrigin* origin) {
    onnx::FinishOptions o = finish_options();
    o.inspect = false;
    auto info = reader.finish({}, o);
    origin->model_checked = reader.checker_verdict().has_value();
    report_model_checks(reader, info ? &*info : nullptr);
  }

  void inspect(onnx::ModelReader& reader, const std::vector<std::string>& wanted, Entry* e, EntryOrigin* origin) {
    auto info = reader.finish(wanted, finish_options());
    origin->model_checked = reader.checker_verdict().has_value();
    if (!info) {
      add(found_, Severity::kError, check::kModelUnreadable, path_ + ": " + info.error() + "; io_ports left out");
      if (options_.check_models) report_model_checks(reader, nullptr);
      return;
    }
    for (const onnx::ModelWarning& w : info->warnings)
      add(found_, Severity::kWarning, w.code, path_ + ": " + w.message);
    if (options_.check_models) report_model_checks(reader, &*info);
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
  SideFileReads& side_files_;
  const std::string& path_;
  const fs::FileStatus* looked_at_;  // source_.stat(path_) as the run planned its rows, when known
  Diagnostics found_;
  std::vector<std::string> unread_;  // side files that could not be read
  bool side_files_out_of_reach_ = false;
};

}  // namespace

Previous::Previous(const std::vector<Entry>& entries, bool reuse) {
  by_path.reserve(entries.size());
  if (reuse) by_sha.reserve(entries.size());
  for (const Entry& e : entries) {
    by_path.emplace(e.model_path, &e);
    if (reuse) by_sha.emplace(e.model_sha, &e);
  }
}

void place(const Unplaced& findings, const std::string& readme, int line, Diagnostics& diags) {
  for (Diagnostic d : findings) {
    d.file = readme;
    d.line = line;
    diags.add(std::move(d));
  }
}

const ModelRead& FileReads::model(const std::string& path, const std::vector<std::string>& features) {
  std::string key = path;
  for (const std::string& f : features) key += '\n' + f;  // paths hold no newline (zoo_paths)
  return models_.get(key, [&] { return read_model(path, features); });
}

ModelRead FileReads::read_model(const std::string& path, const std::vector<std::string>& features) {
  auto looked = looked_at_.find(path);
  return ModelReading(source_, options_, previous_, side_files_, path,
                      looked == looked_at_.end() ? nullptr : &looked->second)
      .run(features);
}

const ArchiveRead& FileReads::archive(const std::string& path, const manifest::SharedJson& io_ports) {
  // The test data are checked against the ports, which differ when rows pair
  // the archive with different models.
  const bool checked = options_.read_archives && options_.check_models && io_ports;
  const std::string key = checked ? path + '\n' + io_ports->dump() : path;
  return archives_.get(key, [&] { return read_archive(path, checked ? io_ports : std::nullopt); });
}

// The with-data archive's sha and size and, with read_archives, its listing
// and the check of its test data against the ports, from one read of its bytes.
ArchiveRead FileReads::read_archive(const std::string& path, const manifest::SharedJson& io_ports) {
  ArchiveRead out;
  if (!options_.read_archives) {
    out.info.emplace(read_artifact(source_, path, nullptr));
    return out;
  }
  std::optional<onnx::IoPorts> ports;
  if (io_ports) ports = manifest::ports_from_json(*io_ports);
  TestDataChecker test_data([&ports]() { return ports ? &*ports : nullptr; });
  std::optional<Result<ArtifactInfo>>& info = out.info;
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
  if (!info) {
    info.emplace(cannot_run("cannot read " + path));
    return out;
  }
  if (!*info) return out;
  Diagnostics found;
  if (!(*info)->content_streamed) {
    out.origin.archive_absent = true;
    report_content_error(**info, found);
  } else if (listing) {
    for (const TestDataFinding& f : test_data.finish(listing->test_data_sets)) {
      add(found, options_.check_severity, f.code, path + ": " + f.entry + ": " + f.message);
    }
    out.origin.archive = std::move(*listing);
  } else {
    out.origin.archive_error = listing.failure();
  }
  out.findings = found.take();
  return out;
}

}  // namespace ohm::zoo
