#include "app/inspect.h"

#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include "core/checks.h"
#include "fs/file_reader.h"
#include "git/open_zoo.h"
#include "hash/sha256.h"
#include "onnx/isolation.h"
#include "zoo/test_data.h"
#include "zoo/zoo_paths.h"

namespace ohm::app {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

onnx::FinishOptions checks_for(const InspectRequest& request) {
  onnx::FinishOptions o;
  o.run_checker = true;
  o.full_check = request.full_check;
  // External data lies beside the model file (for an archive's model: beside the archive).
  const std::string folder = zoo::parent_folder(request.file);
  o.model_dir = folder.empty() ? "./" : folder + "/";
  return o;
}

// Files what the reader found about one model under `shown`; a readable one
// goes to out.models.
void report_model(const onnx::ModelReader& reader, const Result<onnx::ModelInfo>& info, InspectedModel model,
                  const std::string& shown, bool full_check, InspectOutcome& out) {
  if (const auto& v = reader.checker_verdict(); v && !v->passed && v->undecided.empty()) {
    out.findings.error(shown, 0, v->crashed ? check::kCheckerCrashed : check::kModelChecker,
                       std::string("the ONNX checker") + (full_check ? " (full check)" : "") +
                           (v->crashed ? " broke on it: " : " refuses it: ") +
                           v->message.substr(0, v->message.find('\n')));
  }
  if (!info) {
    out.findings.error(shown, 0, check::kModelUnreadable, info.error());
    return;
  }
  for (const onnx::ModelWarning& w : info->warnings) out.findings.warning(shown, 0, w.code, w.message);
  for (const onnx::TensorSizeFault& fault : info->tensor_size_faults) {
    out.findings.error(shown, 0, check::kModelTensorSize, onnx::describe(fault));
  }
  if (info->tensor_size_fault_count > info->tensor_size_faults.size()) {
    out.findings.error(shown, 0, check::kModelTensorSize,
                       "and " + std::to_string(info->tensor_size_fault_count - info->tensor_size_faults.size()) +
                           " more tensors whose payload does not fit");
  }
  if (info->uses_external_data) {
    out.findings.warning(shown, 0, check::kExternalData,
                         "tensor data is kept in side files: onnx.hub.load cannot load it (fetch the model with "
                         "onnx-hub-manifest fetch, then onnx.load the cached path)");
  }
  model.info = *info;
  model.external_data = reader.external_data();
  out.models.push_back(std::move(model));
}

// Models at least this large take long enough to hash (0.05 s at 1.4 GB/s)
// that reading their structure ahead pays for its thread.
constexpr std::uint64_t kReadAheadFrom = 64 << 20;

// A large model file is read ahead: its structure, by positional reads that
// pass over the payloads, is finished (shape inference and the checker in
// their workers) on a thread of its own while the whole file streams through
// SHA-256, so that little is left to do after the last byte. The stream is
// still walked, and what was read ahead stands only when both walks read the
// same model (their digests agree: the file did not change in between).
class ModelReadAhead {
 public:
  ModelReadAhead(const std::string& file, const onnx::FinishOptions& checks) {
    reader_.record_walk();
    try {
      thread_ = std::thread([this, file, checks] {
        auto read = fs::read_regular_file_at_offsets(file, [this](std::uint64_t size, const fs::ReadAt& read_at) {
          return reader_.read_structure(size, read_at);
        });
        if (read) info_.emplace(reader_.finish({}, checks));
      });
    } catch (const std::system_error&) {
      // No thread: nothing was read ahead, and the stream's walk is finished instead.
    }
  }
  ~ModelReadAhead() { wait(); }
  ModelReadAhead(const ModelReadAhead&) = delete;
  ModelReadAhead& operator=(const ModelReadAhead&) = delete;

  // The reader and its info when `streamed` (recording its walk) made the
  // same model of the file; nullptr otherwise.
  const onnx::ModelReader* same_as(onnx::ModelReader& streamed) {
    wait();
    return info_ && streamed.end_walk() == reader_.end_walk() ? &reader_ : nullptr;
  }
  const Result<onnx::ModelInfo>& info() const { return *info_; }

 private:
  void wait() {
    if (thread_.joinable()) thread_.join();
  }

  onnx::ModelReader reader_;
  std::optional<Result<onnx::ModelInfo>> info_;
  std::thread thread_;
};

// `on_disk`: the file the stream reads, when it is one (not a store object).
Result<InspectOutcome> inspect_onnx(const InspectRequest& request, const archive::StreamFn& stream,
                                    const std::string* on_disk) {
  onnx::start_idle_workers(1);  // ready when the last byte is hashed
  const onnx::FinishOptions checks = checks_for(request);
  InspectOutcome out;
  hash::Sha256 sha;
  onnx::ModelReader reader;
  std::optional<ModelReadAhead> ahead;
  if (on_disk != nullptr && fs::status_of(*on_disk).size >= kReadAheadFrom) {
    reader.record_walk();
    ahead.emplace(*on_disk, checks);
  }
  auto streamed = stream([&](std::string_view chunk) {
    sha.update(chunk);
    reader.feed(chunk);
    return true;
  });
  if (!streamed) return streamed.failure();
  InspectedModel model{request.file, sha.hex_digest(), *streamed, {}, {}};
  if (const onnx::ModelReader* read_ahead = ahead ? ahead->same_as(reader) : nullptr) {
    report_model(*read_ahead, ahead->info(), std::move(model), request.file, request.full_check, out);
    return out;
  }
  auto info = reader.finish({}, checks);
  report_model(reader, info, std::move(model), request.file, request.full_check, out);
  return out;
}

// A model inside the archive, finished once: when its test data asks for
// its ports, or after the archive.
struct ArchiveModel {
  std::string path;
  std::unique_ptr<onnx::ModelReader> reader = std::make_unique<onnx::ModelReader>();
  std::optional<Result<onnx::ModelInfo>> info;

  const Result<onnx::ModelInfo>& finish(const onnx::FinishOptions& options) {
    if (!info) info.emplace(reader->finish({}, options));
    return *info;
  }
};

Result<InspectOutcome> inspect_tarball(const InspectRequest& request, const archive::StreamFn& stream) {
  InspectOutcome out;
  out.is_archive = true;
  const onnx::FinishOptions checks = checks_for(request);
  std::vector<ArchiveModel> models;
  // Test data belongs to the archive's one model, read before it.
  zoo::TestDataChecker test_data([&]() -> const onnx::IoPorts* {
    if (models.size() != 1) return nullptr;
    const Result<onnx::ModelInfo>& info = models[0].finish(checks);
    return info ? &info->io_ports : nullptr;
  });
  archive::ReadOptions options;
  options.limits = request.archive_limits;
  options.model_sink = [&models](const archive::EntryInfo& entry) -> fs::ChunkSink {
    models.emplace_back();
    models.back().path = entry.path;
    onnx::ModelReader* reader = models.back().reader.get();
    return [reader](std::string_view chunk) {
      reader->feed(chunk);
      return true;
    };
  };
  options.data_sink = [&test_data](const archive::EntryInfo&, const std::string& normalized) {
    return test_data.sink_for(normalized);
  };
  auto listing = archive::read_tarball(stream, options);
  if (!listing) return with_prefix(listing.failure(), request.file + ": ");
  archive::report_listing(*listing, request.file, out.findings);
  for (ArchiveModel& m : models) {
    InspectedModel model;
    model.path = m.path;
    for (const auto& e : listing->entries) {
      if (e.path == m.path) {
        model.sha = e.sha256;
        model.bytes = e.size;
      }
    }
    report_model(*m.reader, m.finish(checks), std::move(model), request.file + ":" + m.path, request.full_check, out);
  }
  for (const zoo::TestDataFinding& f : test_data.finish(listing->test_data_sets)) {
    out.findings.error(request.file, 0, f.code, f.entry + ": " + f.message);
  }
  out.listing = std::move(*listing);
  return out;
}

// The pointer `file` holds, or nullopt when it holds content. A broken pointer
// is a problem: a reader would call it a corrupt model at byte 1.
Result<std::optional<zoo::LfsPointer>> pointer_in(const std::string& file) {
  fs::FileStatus st = fs::status_of(file);
  if (st.kind != fs::FileKind::kRegular || st.size > zoo::kMaxPointerBytes) return std::optional<zoo::LfsPointer>();
  auto text = fs::read_regular_file(file, zoo::kMaxPointerBytes);
  if (!text) return text.failure();
  zoo::PointerParse parsed = zoo::parse_lfs_pointer(*text);
  if (parsed.status == zoo::PointerStatus::kMalformed) {
    return problem(check::kArtifactPointerMalformed, "starts like a Git LFS pointer but is not one: " + parsed.problem,
                   file);
  }
  if (parsed.status == zoo::PointerStatus::kNotPointer) return std::optional<zoo::LfsPointer>();
  return std::optional<zoo::LfsPointer>(parsed.pointer);
}

// A pointer: its content from the LFS store of the repository that holds the
// file (SPEC 4), or what is missing and the git lfs pull that fetches it.
template <typename Read>
Result<InspectOutcome> inspect_pointer(const InspectRequest& request, const zoo::LfsPointer& pointer, Read read) {
  const std::string::size_type slash = request.file.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : request.file.substr(0, slash);
  const std::string name = slash == std::string::npos ? request.file : request.file.substr(slash + 1);
  Result<git::OpenedZoo> zoo = git::open_zoo({folder, std::nullopt, false});
  std::optional<Error> absent;
  if (zoo && zoo->in_repository) {
    const zoo::Source& source = *zoo->source;
    std::optional<Error> store_error;
    auto from_store = [&](const fs::ChunkSink& sink) -> Result<std::uint64_t> {
      auto streamed = source.stream_lfs_object(pointer, sink);
      if (!streamed) store_error = streamed.failure();
      return streamed;
    };
    Result<InspectOutcome> out = read(from_store);
    if (!store_error || store_error->code != zoo::kLfsAbsent) {
      if (store_error) {
        Error e = *store_error;  // a damaged store object: a problem of this file
        if (e.file.empty()) e.file = request.file;
        return e;
      }
      if (!out) return out;
      out->pointer = pointer;
      out->content_from_store = true;
      return out;
    }
    absent =
        cannot_run(request.file + " is a Git LFS pointer and its content is not here (not in the LFS store); run " +
                   zoo::lfs_pull_hint(source, name));
  } else {
    absent = cannot_run(request.file +
                        " is a Git LFS pointer outside a git repository, so its content is not here: run git lfs pull "
                        "in the clone it came from");
  }
  InspectOutcome out;
  out.is_archive = ends_with(request.file, ".tar.gz") || ends_with(request.file, ".tgz");
  out.pointer = pointer;
  out.content_missing = std::move(absent);
  return out;
}

}  // namespace

Result<InspectOutcome> inspect(const InspectRequest& request) {
  const bool archive = ends_with(request.file, ".tar.gz") || ends_with(request.file, ".tgz");
  auto read = [&](const archive::StreamFn& stream, const std::string* on_disk) {
    return archive ? inspect_tarball(request, stream) : inspect_onnx(request, stream, on_disk);
  };
  auto pointer = pointer_in(request.file);
  if (!pointer) return pointer.failure();
  if (!*pointer) return read(archive::stream_file(request.file), &request.file);
  return inspect_pointer(request, **pointer, [&](const archive::StreamFn& stream) { return read(stream, nullptr); });
}

}  // namespace ohm::app
