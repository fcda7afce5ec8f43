#pragma once
// JSON Schema (draft-07) checking with valijson: one violation per value that
// fails, located by JSON Pointer. valijson throws on bad schemas; nothing
// leaves this API but values.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace ohm::validate {

struct SchemaViolation {
  std::string json_pointer;  // "" for the document itself
  std::string message;       // what is wrong, with the value when it is short
};

class SchemaChecker {
 public:
  // Compiles a draft-07 schema. Fails when `schema_text` is not JSON or
  // valijson cannot use it ("<shown_name>: ...").
  static Result<SchemaChecker> compile(std::string_view schema_text, const std::string& shown_name);

  // The violations of `doc`, in document order, one per failing value
  // (valijson's "failed to validate item #3" wrappers are folded away).
  std::vector<SchemaViolation> check(const nlohmann::json& doc) const;

  // True when the schema is the text builtin_schema_native.h implements
  // (the built-in one, unedited): then entries in the writer's bytes may be
  // judged without a document.
  bool native_check_applies() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

// The manifest schema built into the tool (schemas/onnx_hub_manifest.schema.json).
std::string_view builtin_manifest_schema();

}  // namespace ohm::validate
