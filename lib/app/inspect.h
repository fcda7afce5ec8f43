#pragma once
// `inspect FILE` as one call: what SPEC 5 reads from one model, or from the
// models inside a .tar.gz (read as a stream, never unpacked).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "archive/tarball.h"
#include "core/diagnostic.h"
#include "core/result.h"
#include "onnx/model_reader.h"
#include "zoo/lfs_pointer.h"

namespace ohm::app {

struct InspectRequest {
  std::string file;  // an .onnx, or a .tar.gz / .tgz holding models
  archive::Limits archive_limits;
  bool full_check = false;  // the ONNX checker's full_check=True
};

struct InspectedModel {
  std::string path;  // the file, or the entry's path inside the archive
  std::string sha;
  std::uint64_t bytes = 0;
  onnx::ModelInfo info;
  // Tensors whose data lives in side files, in file order (locations relative
  // to the model's folder; no side file is read).
  std::vector<onnx::ExternalDataRef> external_data;
};

struct InspectOutcome {
  // An unreadable model, its warnings, the checker's verdict, tensors whose
  // payload does not fit, archive findings, the test data's findings.
  Diagnostics findings;
  bool is_archive = false;
  std::optional<archive::Listing> listing;  // is_archive
  std::vector<InspectedModel> models;       // the model, or the readable models of the archive
  // The file is a Git LFS pointer (what a clone without LFS content holds):
  // the sha and size it records. Its content, when the repository's LFS store
  // has it, is what was read (content_from_store).
  std::optional<zoo::LfsPointer> pointer;
  bool content_from_store = false;
  // A pointer whose content is not here: why, as a cannot-run error whose
  // message ends with the `git lfs pull --include=...` that fetches it (the
  // path relative to the repository). Nothing else was read.
  std::optional<Error> content_missing;
};

// Reads the file. Fails (cannot run) when it cannot be read at all; a model
// that is not readable is a finding (model.unreadable) and is left out. A
// file that starts like an LFS pointer but is not one is the problem
// artifact.pointer.malformed; a store object that does not match its pointer
// artifact.lfs.corrupt.
Result<InspectOutcome> inspect(const InspectRequest& request);

}  // namespace ohm::app
