#include "app/inspect.h"

#include <memory>
#include <utility>

#include "core/checks.h"
#include "fs/file_reader.h"
#include "git/open_zoo.h"
#include "hash/sha256.h"

namespace ohm::app {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Finishes a reader into `out`; an unreadable model is a finding instead.
void finish_model(onnx::ModelReader& reader, InspectedModel model, const std::string& shown, InspectOutcome& out) {
  auto info = reader.finish();
  if (!info) {
    out.findings.error(shown, 0, check::kModelUnreadable, info.error());
    return;
  }
  for (const onnx::ModelWarning& w : info->warnings) out.findings.warning(shown, 0, w.code, w.message);
  if (info->uses_external_data) {
    out.findings.warning(shown, 0, check::kExternalData,
                         "tensor data is kept in side files, which the hub does not download");
  }
  model.info = std::move(*info);
  out.models.push_back(std::move(model));
}

Result<InspectOutcome> inspect_onnx(const InspectRequest& request, const archive::StreamFn& stream) {
  InspectOutcome out;
  hash::Sha256 sha;
  onnx::ModelReader reader;
  auto streamed = stream([&](std::string_view chunk) {
    sha.update(chunk);
    reader.feed(chunk);
    return true;
  });
  if (!streamed) return streamed.failure();
  finish_model(reader, {request.file, sha.hex_digest(), *streamed, {}}, request.file, out);
  return out;
}

Result<InspectOutcome> inspect_tarball(const InspectRequest& request, const archive::StreamFn& stream) {
  InspectOutcome out;
  out.is_archive = true;
  std::vector<std::pair<std::string, std::unique_ptr<onnx::ModelReader>>> readers;
  archive::ReadOptions options;
  options.limits = request.archive_limits;
  options.model_sink = [&readers](const archive::EntryInfo& entry) -> fs::ChunkSink {
    readers.emplace_back(entry.path, std::make_unique<onnx::ModelReader>());
    onnx::ModelReader* reader = readers.back().second.get();
    return [reader](std::string_view chunk) {
      reader->feed(chunk);
      return true;
    };
  };
  auto listing = archive::read_tarball(stream, options);
  if (!listing) return with_prefix(listing.failure(), request.file + ": ");
  archive::report_listing(*listing, request.file, out.findings);
  for (auto& [path, reader] : readers) {
    InspectedModel model;
    model.path = path;
    for (const auto& e : listing->entries) {
      if (e.path == path) {
        model.sha = e.sha256;
        model.bytes = e.size;
      }
    }
    finish_model(*reader, std::move(model), request.file + ":" + path, out);
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
      if (store_error) return with_prefix(*store_error, request.file + ": ");
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
  auto read = [&](const archive::StreamFn& stream) {
    return archive ? inspect_tarball(request, stream) : inspect_onnx(request, stream);
  };
  auto pointer = pointer_in(request.file);
  if (!pointer) return pointer.failure();
  if (!*pointer) return read(archive::stream_file(request.file));
  return inspect_pointer(request, **pointer, read);
}

}  // namespace ohm::app
