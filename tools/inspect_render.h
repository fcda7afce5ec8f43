#pragma once
// How `inspect` shows what it read: Python-style JSON, or text for people.

#include <iosfwd>

#include "app/inspect.h"
#include "manifest/entry.h"

namespace ohm::cli {

// {"model_sha", "model_bytes", "opset_version", ..., "io_ports"} for a model;
// for an archive {"archive_sha", ..., "entries", "unsafe", "test_data_sets", "models"}.
manifest::Json inspect_json(const app::InspectOutcome& outcome);

// The same for people.
void print_inspect_text(std::ostream& out, const std::string& file, const app::InspectOutcome& outcome);

}  // namespace ohm::cli
