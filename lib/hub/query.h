#pragma once
// The hub client's query rules (SPEC 9, onnx.hub list_models / get_model_info).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "manifest/entry.h"

namespace ohm::hub {

// Entries whose model equals `model` case-insensitively (any, when empty) and,
// when `tags` is not empty, that share at least one tag with it, compared
// case-insensitively. Manifest order.
std::vector<const manifest::Entry*> match_models(const std::vector<manifest::Entry>& entries, const std::string& model,
                                                 const std::vector<std::string>& tags);

// The entry for `model`: with `opset`, the first with that opset; without,
// the highest opset (the first of equals, as the client's stable sort does).
// A problem failure names the model (with the nearest names, see
// no_such_model), or the opsets that do exist.
Result<const manifest::Entry*> select_model(const std::vector<manifest::Entry>& entries, const std::string& model,
                                            std::optional<std::int64_t> opset);

// The problem hub.no-such-model for `model`: "no model named 'tinynet' in the
// manifest; did you mean TinyNet-12 or TinyNet-7?" with the names of `entries`
// core/spellcheck.h's nearest_names finds (no question when none is near).
Error no_such_model(const std::vector<manifest::Entry>& entries, const std::string& model);

}  // namespace ohm::hub
