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
};

struct InspectOutcome {
  // An unreadable model, its warnings, the checker's verdict, tensors whose
  // payload does not fit, archive findings, the test data's findings.
  Diagnostics findings;
  bool is_archive = false;
  std::optional<archive::Listing> listing;  // is_archive
  std::vector<InspectedModel> models;       // the model, or the readable models of the archive
};

// Reads the file. Fails (cannot run) when it cannot be read at all; a model
// that is not readable is a finding (model.unreadable) and is left out.
Result<InspectOutcome> inspect(const InspectRequest& request);

}  // namespace ohm::app
