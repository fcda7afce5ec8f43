#include "app/inspect.h"

#include <memory>
#include <utility>

#include "core/checks.h"
#include "fs/file_reader.h"
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

Result<InspectOutcome> inspect_onnx(const InspectRequest& request) {
  InspectOutcome out;
  hash::Sha256 sha;
  onnx::ModelReader reader;
  auto streamed = fs::stream_regular_file(request.file, [&](std::string_view chunk) {
    sha.update(chunk);
    reader.feed(chunk);
    return true;
  });
  if (!streamed) return streamed.failure();
  finish_model(reader, {request.file, sha.hex_digest(), *streamed, {}}, request.file, out);
  return out;
}

Result<InspectOutcome> inspect_tarball(const InspectRequest& request) {
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
  auto listing = archive::read_tarball(archive::stream_file(request.file), options);
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

}  // namespace

Result<InspectOutcome> inspect(const InspectRequest& request) {
  const bool archive = ends_with(request.file, ".tar.gz") || ends_with(request.file, ".tgz");
  return archive ? inspect_tarball(request) : inspect_onnx(request);
}

}  // namespace ohm::app
