#pragma once
// What reading a row's files gives (issue 14: each distinct file read once
// per run): a model's sha, size, ports, checks and side files, and a
// with-data archive's sha, size, listing and test data findings. Everything
// here depends on the file (and the run's options), never on the row, so
// FileReads computes it once per distinct path and every row linking the file
// shares it; the findings are kept unplaced and each row files them at its own
// README line, in the order one read would have given them.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "manifest/entry.h"
#include "zoo/external_data.h"
#include "zoo/generate.h"
#include "zoo/read_once.h"
#include "zoo/source.h"

namespace ohm::zoo {

// Everything the previous manifest offers: entries by path (for rows with
// errors) and by model_sha (for reuse of ports and external_data). Points
// (keys too) into GenerateOptions::previous, which outlives it.
struct Previous {
  std::unordered_map<std::string_view, const manifest::Entry*> by_path;
  std::unordered_map<std::string_view, const manifest::Entry*> by_sha;

  Previous(const std::vector<manifest::Entry>& entries, bool reuse);
};

// Findings about a file, with no README and line yet (Diagnostic::file empty,
// line 0): place() files them at a row.
using Unplaced = std::vector<Diagnostic>;
void place(const Unplaced& findings, const std::string& readme, int line, Diagnostics& diags);

struct ModelRead {
  std::optional<Error> failure;  // the model could not be read: a row error
  // model_sha, model_bytes, io_ports, extra_ports and external_data, as read.
  manifest::Entry entry;
  // When the ports are the previous manifest's entry with the same model_sha:
  // that entry (they are not copied into `entry`; ports() gives either).
  const manifest::Entry* ports_reused_from = nullptr;
  const manifest::Entry& ports() const { return ports_reused_from ? *ports_reused_from : entry; }
  // model_opset, ports_from_content, uses_external_data, external_data_known,
  // content_present, model_checked.
  EntryOrigin origin;
  Unplaced findings;
};

struct ArchiveRead {
  std::optional<Result<ArtifactInfo>> info;  // always set; a failure is a row error
  EntryOrigin origin;                        // archive, archive_error, archive_absent
  Unplaced findings;
};

class FileReads {
 public:
  // `looked_at`: what source.stat gave for model paths as the run planned
  // its rows (keys view paths that outlive this), so a model is not looked
  // at again before it is read.
  FileReads(const Source& source, const GenerateOptions& options, const Previous& previous,
            std::unordered_map<std::string_view, fs::FileStatus> looked_at = {})
      : source_(source), options_(options), previous_(previous), looked_at_(std::move(looked_at)) {}

  // The model at `path`, its ports with the shapes of `features` (rows asking
  // for other feature tensors read it again: extra_ports depend on them).
  const ModelRead& model(const std::string& path, const std::vector<std::string>& features);

  // The with-data archive at `path`, its test data checked against
  // `io_ports` (its model's, when the run checks models).
  const ArchiveRead& archive(const std::string& path, const manifest::SharedJson& io_ports);

 private:
  ModelRead read_model(const std::string& path, const std::vector<std::string>& features);
  ArchiveRead read_archive(const std::string& path, const manifest::SharedJson& io_ports);

  const Source& source_;
  const GenerateOptions& options_;
  const Previous& previous_;
  const std::unordered_map<std::string_view, fs::FileStatus> looked_at_;
  ReadOnce<ModelRead> models_;
  ReadOnce<ArchiveRead> archives_;
  SideFileReads side_files_;
};

}  // namespace ohm::zoo
