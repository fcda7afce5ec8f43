#pragma once
// Every check id the tool reports, with its severity and one-line meaning: the
// one registry. Code names ids through the constants below (check::kEntryStale),
// never as string literals; README.md's check-id table is tested against
// all_checks(), so the documentation cannot drift from the code.

#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace ohm::check {

// X(constant, id, severity, severity in generate, meaning). "Severity" is what
// validate, inspect and the hub commands report; generate may report an id
// more leniently (it still writes the manifest).
#define OHM_CHECKS(X)                                                                                                \
  /* README tables and links (SPEC 3) */                                                                             \
  X(kReadmeMissingColumn, "readme.table.missing-column", kWarning, kWarning,                                         \
    "a table with Model and Download but no opset or ONNX version column")                                           \
  X(kReadmeRowIncomplete, "readme.row.incomplete", kError, kError,                                                   \
    "Model or Download cell empty, or Download not a link")                                                          \
  X(kReadmeRowOpset, "readme.row.opset", kError, kError, "the Opset version cell is not an integer")                 \
  X(kReadmeRowEncoding, "readme.row.encoding", kError, kError, "the row's text or paths are not valid UTF-8")        \
  X(kReadmeEncoding, "readme.encoding", kError, kError,                                                              \
    "the README is not valid UTF-8 from that line (GitHub's table may end there)")                                   \
  X(kReadmeLinkInvalid, "readme.link.invalid", kError, kError,                                                       \
    "a link that is a URL, leaves the zoo, or is malformed")                                                         \
  X(kReadmeUnreadable, "readme.unreadable", kError, kError, "a README that is missing, a symlink or cannot be read") \
  X(kReadmeLimit, "readme.limit", kError, kError,                                                                    \
    "a README past a size, line, cell or bracket limit (README: Limits): it is not read, its entries are kept")      \
  X(kReadmeUnreachable, "readme.unreachable", kWarning, kWarning,                                                    \
    "a README with a model table that no `Model Class` link reaches")                                                \
  /* The root README's index (SPEC 2) */                                                                             \
  X(kIndexMissing, "index.missing", kError, kError,                                                                  \
    "`--discover index` but the root README has no `Model Class` table")                                             \
  X(kIndexLinkInvalid, "index.link.invalid", kError, kError, "a `Model Class` link that is not a zoo path")          \
  X(kIndexLinkMissing, "index.link.missing", kError, kError, "a `Model Class` link that leads to no README")         \
  X(kZooUnreadable, "zoo.unreadable", kError, kError, "the zoo's files could not be listed")                         \
  X(kZooEmpty, "zoo.empty", kError, kError, "no model README found: nothing is written")                             \
  /* Linked files (SPEC 4) */                                                                                        \
  X(kArtifactMissing, "artifact.missing", kError, kError, "a linked file does not exist")                            \
  X(kArtifactNotRegular, "artifact.not-regular", kError, kError,                                                     \
    "a linked file is a symlink, folder or special file (never opened)")                                             \
  X(kArtifactPointerMalformed, "artifact.pointer.malformed", kError, kError,                                         \
    "a file that starts like a Git LFS pointer but is not one")                                                      \
  X(kArtifactUnreadable, "artifact.unreadable", kError, kError, "a linked file could not be read")                   \
  X(kArtifactLfsCorrupt, "artifact.lfs.corrupt", kError, kError, "an LFS store object does not match its pointer")   \
  X(kShaMismatch, "artifact.sha-mismatch", kError, kError,                                                           \
    "`model_sha` or `model_with_data_sha` differs from the file")                                                    \
  X(kSizeMismatch, "artifact.size-mismatch", kError, kError,                                                         \
    "`model_bytes` or `model_with_data_bytes` differs from the file")                                                \
  /* Models (SPEC 5) */                                                                                              \
  X(kModelUnreadable, "model.unreadable", kError, kError,                                                            \
    "a model that is truncated or corrupt (its `io_ports` are left out)")                                            \
  X(kModelContentMissing, "model.content.missing", kWarning, kWarning,                                               \
    "a changed model whose content is not here (no `io_ports`; says which `git lfs pull` fetches it)")               \
  X(kFeatureTensorMissing, "model.feature-tensor.missing", kWarning, kWarning,                                       \
    "the feature tensor the table names is not in the model (no `extra_ports`)")                                     \
  X(kOpsetMismatch, "model.opset-mismatch", kError, kError,                                                          \
    "the README's Opset version differs from the model's default-domain opset")                                      \
  X(kExternalData, "model.external-data", kWarning, kWarning,                                                        \
    "`inspect`: the model keeps tensors in side files; `onnx.hub.load` cannot load it (use `fetch`)")                \
  X(kExternalDataUnsafe, "external-data.unsafe", kError, kError,                                                     \
    "a side file's location is absolute, has `..`, or names a symlink or a file that is not regular")                \
  X(kExternalDataRange, "external-data.range", kError, kError,                                                       \
    "a tensor's external data `offset` + `length` lies beyond its side file (or is not a number)")                   \
  X(kExternalDataCollision, "external-data.collision", kError, kError,                                               \
    "side files of the same name in one folder that differ (in the cache one overwrites the other)")                 \
  X(kExternalDataUnlisted, "external-data.unlisted", kError, kError,                                                 \
    "`external_data` does not list a side file the model reads, or lists one it does not read")                      \
  X(kInferenceUnsupported, "onnx.inference.unsupported", kWarning, kWarning,                                         \
    "an op or opset ONNX shape inference does not know (ai.onnx above 17, other domains): outputs as declared")      \
  X(kInferenceFailed, "onnx.inference.failed", kWarning, kWarning,                                                   \
    "shape inference failed on the model: outputs as declared")                                                      \
  X(kInferenceCrashed, "onnx.inference.crashed", kWarning, kWarning,                                                 \
    "shape inference's worker process died or ran out of memory on the model: outputs as declared")                  \
  X(kInferenceTimeout, "onnx.inference.timeout", kWarning, kWarning,                                                 \
    "shape inference ran out of time on the model (its worker is stopped): outputs as declared")                     \
  X(kModelChecker, "model.checker", kError, kWarning,                                                                \
    "the ONNX checker (`onnx.checker.check_model`; with `--full-check`, `full_check=True`) refuses the model")       \
  X(kCheckerCrashed, "model.checker.crashed", kError, kWarning,                                                      \
    "the ONNX checker's worker process died or ran out of time or memory on the model (Python's would crash too)")   \
  X(kModelTensorSize, "model.tensor-size", kError, kWarning,                                                         \
    "a tensor whose payload does not fit its dims and element type (onnxruntime refuses to load it)")                \
  /* Test data sets of archives (SPEC 7) */                                                                          \
  X(kTestDataMissing, "testdata.missing", kError, kWarning,                                                          \
    "a `test_data_set_*` lacks the `input_N.pb` or `output_N.pb` of a port")                                         \
  X(kTestDataExtra, "testdata.extra", kError, kWarning,                                                              \
    "an `input_N.pb` or `output_N.pb` with no port of that number")                                                  \
  X(kTestDataUnreadable, "testdata.unreadable", kError, kWarning,                                                    \
    "a test data file that is not an ONNX `TensorProto` (or the sequence, map or optional its port needs)")          \
  X(kTestDataType, "testdata.type", kError, kWarning, "a test data value whose type is not its port's")              \
  X(kTestDataShape, "testdata.shape", kError, kWarning,                                                              \
    "a test data tensor whose rank or dims differ from its port's (a symbolic dim takes one value per set)")         \
  X(kTestDataTensorSize, "testdata.tensor-size", kError, kWarning,                                                   \
    "a test data tensor whose payload does not fit its dims and element type")                                       \
  /* Archives (SPEC 4) */                                                                                            \
  X(kArchiveUnsafeEntry, "archive.unsafe-entry", kError, kError,                                                     \
    "an archive entry that is absolute, has `..`, a link leading outside, a device or fifo")                         \
  X(kArchiveLimit, "archive.limit", kError, kError, "an archive with too many entries or bytes")                     \
  X(kArchiveDamaged, "archive.damaged", kError, kError, "an unreadable `.tar.gz`")                                   \
  X(kArchiveModelCount, "archive.model-count", kWarning, kWarning, "an archive without exactly one `.onnx`")         \
  X(kArchiveNoTestData, "archive.no-test-data", kWarning, kWarning, "an archive without `test_data_set_*`")          \
  X(kArchiveModelSha, "archive.model-sha", kWarning, kWarning, "the archive's model is not the entry's `model_sha`") \
  /* The manifest (SPEC 1, 7) */                                                                                     \
  X(kManifestMissing, "manifest.missing", kError, kError, "the zoo has no `ONNX_HUB_MANIFEST.json`")                 \
  X(kManifestUnreadable, "manifest.unreadable", kError, kWarning,                                                    \
    "the manifest is a symlink, not a regular file, or too large (it is not read)")                                  \
  X(kManifestTooLarge, "manifest.too-large", kError, kWarning,                                                       \
    "a hub's manifest is larger than 256 MiB (nothing is read)")                                                     \
  X(kManifestInvalid, "manifest.invalid", kError, kWarning,                                                          \
    "the previous or hub manifest is not a JSON array (nothing is reused)")                                          \
  X(kManifestJson, "manifest.json", kError, kError,                                                                  \
    "the manifest is not JSON (or not UTF-8); nothing else is checked")                                              \
  X(kManifestEntryInvalid, "manifest.entry.invalid", kError, kWarning,                                               \
    "an entry that lacks SPEC 1's form (it is not kept)")                                                            \
  X(kManifestNotWritten, "manifest.not-written", kError, kError,                                                     \
    "the manifest cannot be read and no committed one gives its ports: nothing is written (`--no-reuse` writes)")    \
  X(kManifestStale, "manifest.stale", kError, kError, "`--check`: the manifest differs from what would be written")  \
  X(kMergePartInvalid, "merge.part-invalid", kError, kError,                                                         \
    "a `merge` part that is no manifest, lacks its side file, or holds a model of another shard")                    \
  X(kMergeOverlap, "merge.overlap", kError, kError, "two `merge` parts are the same shard")                          \
  X(kMergeMissingShard, "merge.missing-shard", kError, kError, "`merge`: a shard of K/N has no part")                \
  X(kMergeShardCount, "merge.shard-count", kError, kError,                                                           \
    "`merge` parts split the zoo into different numbers of shards")                                                  \
  X(kMergeMixedRevisions, "merge.mixed-revisions", kError, kError, "`merge` parts from different revisions")         \
  X(kSchema, "schema.violation", kError, kError, "a JSON Schema violation (with its JSON Pointer)")                  \
  X(kEntryMissing, "entry.missing", kError, kError, "a README row has no entry (at the README line)")                \
  X(kEntryExtra, "entry.extra", kError, kError, "an entry has no README row")                                        \
  X(kEntryStale, "entry.stale", kError, kError,                                                                      \
    "a field differs from what generate would write (names the README line)")                                        \
  X(kDuplicate, "manifest.duplicate", kError, kError,                                                                \
    "two entries with the same (model, opset), model compared case-insensitively")                                   \
  X(kUnsafePath, "path.unsafe", kError, kError,                                                                      \
    "a path that is absolute, has `..`, `.` or empty components, a backslash, a control character or a scheme")      \
  X(kPathUnportable, "path.unportable", kWarning, kWarning,                                                          \
    "a path the Python client cannot request as written (a space, `#`, `?`, `%`, a control or non-ASCII character)") \
  X(kPortsMismatch, "ports.mismatch", kError, kError,                                                                \
    "`io_ports`/`extra_ports` differ from the base manifest's entry with the same sha")                              \
  X(kOrder, "manifest.order", kWarning, kWarning, "entries not sorted by model_path")                                \
  X(kUnknownKey, "entry.unknown-key", kWarning, kWarning,                                                            \
    "a key beside the five an entry has (the client ignores it)")                                                    \
  X(kPortsUnverified, "ports.unverified", kWarning, kWarning,                                                        \
    "`io_ports` whose content is absent and whose sha the base manifest lacks")                                      \
  /* The hub client (SPEC 9) */                                                                                      \
  X(kHubNoSuchModel, "hub.no-such-model", kError, kError, "no model of that name in the hub")                        \
  X(kHubNoSuchOpset, "hub.no-such-opset", kError, kError, "the model has no version with that opset")                \
  X(kHubShaMismatch, "hub.sha-mismatch", kError, kError, "a file's sha256 or size differs from the manifest")        \
  X(kHubMissingFile, "hub.missing-file", kError, kError, "the hub has no file at a path its manifest names")         \
  X(kHubLfsPointer, "hub.lfs-pointer", kError, kError, "a hub file is a malformed Git LFS pointer")                  \
  X(kHubUnsafePath, "hub.unsafe-path", kError, kError, "a hub file is a symlink or special file (refused)")          \
  X(kHubEntryInvalid, "hub.entry-invalid", kError, kError, "an entry whose paths or sha cannot name a cache file")   \
  X(kHubPointerServed, "hub.pointer-served", kError, kError,                                                         \
    "the hub sent a Git LFS pointer instead of the file's content")                                                  \
  /* The hub cache (SPEC 9, cache verify and prune) */                                                               \
  X(kCacheShaMismatch, "cache.sha-mismatch", kError, kError,                                                         \
    "a cached file whose sha256 is not the one its name (a side file: its model's list) gives (`--fix` removes it)") \
  X(kCacheSideMissing, "cache.side-missing", kError, kError,                                                         \
    "a side file (external data) that a cached model needs is not in the cache (`fetch` places it again)")           \
  X(kCacheOrphan, "cache.orphan", kWarning, kWarning,                                                                \
    "a side file or side-file list of a model no longer in the cache (`cache prune` removes it)")                    \
  X(kCacheDataMismatch, "cache.data-mismatch", kError, kError,                                                       \
    "an unpacked data folder that lacks a file of its archive or differs from it (`--fix` removes the folder)")      \
  X(kCacheUnreadable, "cache.unreadable", kError, kError, "a cached file that could not be read")                    \
  X(kCacheNotRegular, "cache.not-regular", kWarning, kWarning,                                                       \
    "a symlink or special file in the cache: never followed, never removed")                                         \
  X(kCacheStaleTemp, "cache.stale-temp", kWarning, kWarning,                                                         \
    "an unfinished write of a process that has ended (`cache prune` removes it)")

#define OHM_CHECK_CONSTANT(name, id, severity, generate_severity, meaning) inline constexpr const char name[] = id;
OHM_CHECKS(OHM_CHECK_CONSTANT)
#undef OHM_CHECK_CONSTANT

struct CheckInfo {
  std::string_view id;
  Severity severity;           // in validate, inspect and the hub commands
  Severity generate_severity;  // in generate
  std::string_view meaning;
};

// Every check, in the order above.
const std::vector<CheckInfo>& all_checks();

// The check with this id, or nullptr.
const CheckInfo* find_check(std::string_view id);

}  // namespace ohm::check
