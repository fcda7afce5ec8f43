#pragma once
// The stable check ids of `validate` (SPEC 7) and their severities. Findings
// that `generate` reports for README rows and files (readme.*, index.*,
// artifact.*, model.unreadable, ...) keep the ids and severities generate gives.

namespace ohm::validate::check {

// --- Errors: a hub user gets a wrong, missing or unreachable model. ---
// The manifest file is absent from the zoo.
inline constexpr const char* kManifestMissing = "manifest.missing";
// The manifest is a symlink, not a regular file, or too large; it is not read.
inline constexpr const char* kManifestUnreadable = "manifest.unreadable";
// The manifest is not JSON (or not UTF-8); nothing else is checked.
inline constexpr const char* kManifestJson = "manifest.json";
// A JSON Schema violation, with its JSON Pointer.
inline constexpr const char* kSchema = "schema.violation";
// A README row with no entry (names the README line).
inline constexpr const char* kEntryMissing = "entry.missing";
// An entry with no README row.
inline constexpr const char* kEntryExtra = "entry.extra";
// A field differs from what generate would write (names the README line).
inline constexpr const char* kEntryStale = "entry.stale";
// model_sha / model_with_data_sha differ from the file (pointer or content).
inline constexpr const char* kShaMismatch = "artifact.sha-mismatch";
// model_bytes / model_with_data_bytes differ from the file.
inline constexpr const char* kSizeMismatch = "artifact.size-mismatch";
// The README's opset cell differs from the model's default-domain opset.
inline constexpr const char* kOpsetMismatch = "model.opset-mismatch";
// Two entries with the same (model, opset), model compared case-insensitively.
inline constexpr const char* kDuplicate = "manifest.duplicate";
// A path that is absolute, has "..", "." or empty components, a backslash or a scheme.
inline constexpr const char* kUnsafePath = "path.unsafe";
// io_ports/extra_ports differ from the base manifest's entry with the same sha
// (content absent).
inline constexpr const char* kPortsMismatch = "ports.mismatch";
// Archive findings come from lib/archive: archive.unsafe-entry, archive.limit,
// archive.damaged (errors), archive.model-count, archive.no-test-data (warnings).

// --- Warnings (errors with --strict). ---
// Entries not sorted by model_path.
inline constexpr const char* kOrder = "manifest.order";
// A key beside model, model_path, onnx_version, opset_version, metadata.
inline constexpr const char* kUnknownKey = "entry.unknown-key";
// A README with a model table that the root README's index does not reach.
inline constexpr const char* kUnreachable = "readme.unreachable";
// The model inside the with-data archive is not the entry's model.
inline constexpr const char* kArchiveModelSha = "archive.model-sha";
// The model keeps tensors in side files the hub does not download.
inline constexpr const char* kExternalData = "model.external-data";
// io_ports whose model content is absent and whose sha the base manifest lacks.
inline constexpr const char* kPortsUnverified = "ports.unverified";

}  // namespace ohm::validate::check
