#pragma once
// The checks that need only the manifest: JSON Schema, unknown keys, order,
// duplicate (model, opset) pairs and unsafe paths. They run whatever the zoo
// says, also with --changed-since and --staged.

#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "validate/manifest_doc.h"
#include "validate/schema_check.h"

namespace ohm::validate {

// The checks that need the whole document `json` (the schema, unknown keys,
// unsafe paths), located by `doc`'s positions: read_manifest_doc runs them
// while it holds the document, on a thread of their own.
DomFindings check_dom(const nlohmann::json& json, const ManifestDoc& doc, const SchemaChecker& schema);

// What check_dom finds in a document that holds exactly `doc`'s entries,
// each in the writer's bytes and passing the schema (builtin_schema_native.h):
// only its paths' findings, read from the entries.
DomFindings entry_path_findings(const ManifestDoc& doc);

// Reports every finding about `doc` alone (read with a schema) to `findings`.
void check_document(const ManifestDoc& doc, Diagnostics& findings);

}  // namespace ohm::validate
