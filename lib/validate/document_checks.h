#pragma once
// The checks that need only the manifest: JSON Schema, unknown keys, order,
// duplicate (model, opset) pairs and unsafe paths. They run whatever the zoo
// says, also with --changed-since and --staged.

#include <string>

#include "core/diagnostic.h"
#include "validate/manifest_doc.h"
#include "validate/schema_check.h"

namespace ohm::validate {

// Reports every finding about `doc` alone to `findings`.
void check_document(const ManifestDoc& doc, const SchemaChecker& schema, Diagnostics& findings);

}  // namespace ohm::validate
