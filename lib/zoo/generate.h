#pragma once
// Building manifest entries from a zoo's READMEs and files (SPEC 1-6).

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/tarball.h"
#include "core/diagnostic.h"
#include "manifest/entry.h"
#include "zoo/discovery.h"
#include "zoo/readme_set.h"
#include "zoo/shard.h"
#include "zoo/source.h"

namespace ohm::zoo {

struct Progress {
  std::size_t models_done = 0, models_total = 0;
  std::uint64_t bytes_done = 0, bytes_total = 0;
};

// Entries that copies of GenerateOptions share rather than copy (a manifest's
// entries can take hundreds of megabytes): owned, or borrowed from a caller
// whose vector outlives every use.
class SharedEntries {
 public:
  SharedEntries() = default;
  SharedEntries(std::vector<manifest::Entry> entries)
      : entries_(std::make_shared<const std::vector<manifest::Entry>>(std::move(entries))) {}
  SharedEntries(std::initializer_list<manifest::Entry> entries)
      : SharedEntries(std::vector<manifest::Entry>(entries)) {}
  static SharedEntries borrowed(const std::vector<manifest::Entry>& entries) {
    SharedEntries out;
    out.entries_ = std::shared_ptr<const std::vector<manifest::Entry>>(&entries, [](const auto*) {});
    return out;
  }

  const std::vector<manifest::Entry>& get() const { return entries_ ? *entries_ : none(); }
  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }
  bool empty() const { return get().empty(); }
  std::size_t size() const { return get().size(); }
  void clear() { entries_.reset(); }

 private:
  static const std::vector<manifest::Entry>& none() {
    static const std::vector<manifest::Entry> empty;
    return empty;
  }
  std::shared_ptr<const std::vector<manifest::Entry>> entries_;
};

struct GenerateOptions {
  DiscoverMode discover = DiscoverMode::kAuto;
  // The manifest before this run: rows with errors keep their entry from it,
  // and (with reuse) entries with the same model_sha keep its ports.
  SharedEntries previous;
  bool reuse = true;
  bool recompute_ports = false;
  // Model name -> feature tensor name (SPEC 5 extra_ports).
  std::map<std::string, std::string> feature_tensors;
  // READMEs already found (generate --changed-since checks only the changed
  // ones); when set, discovery is skipped.
  std::optional<Discovery> discovered;
  // Also read each with-data archive whose content is at hand, in the pass
  // that hashes it (validate's archive checks), within these limits.
  bool read_archives = false;
  archive::Limits archive_limits;
  // Model checks (SPEC 7) on every model this run reads for its ports, and
  // (with read_archives) on each archive's test data: the ONNX checker
  // (model.checker), tensor payload sizes (model.tensor-size) and testdata.*,
  // reported with `check_severity` (generate warns; validate errs).
  bool check_models = false;
  bool full_check = false;  // the checker's full_check=True
  Severity check_severity = Severity::kWarning;
  // Rows built at a time, on as many threads (--jobs): the result and the
  // order of findings are the same for every value.
  unsigned jobs = 1;
  // Only the rows (and kept entries) whose model_path is in this shard; rows
  // with no path go by their README. Findings about READMEs come from every shard.
  std::optional<Shard> shard;
  // Called after each model, from whichever thread built it (one call at a time).
  std::function<void(const Progress&)> on_progress;
};

// Where an entry came from, for validation and messages.
struct EntryOrigin {
  std::string readme;
  int line = 0;
  std::optional<std::int64_t> model_opset;  // from the model file, when it was read
  bool kept_previous = false;               // the row had an error; the old entry stands
  bool ports_from_content = false;          // io_ports computed from the model's bytes now
  bool uses_external_data = false;
  // metadata.external_data was derived in this run (from the model's content,
  // or reused by model_sha): validate compares the manifest's list with it.
  bool external_data_known = false;
  // Side files the model reads (or its reused list names) that could not be
  // read: reported at the row, so validate does not call them unlisted too.
  std::vector<std::string> side_files_unread;
  bool content_present = false;  // the model's content was read in this run
  bool model_checked = false;    // check_models ran the checker on the model
  // With read_archives: what the with-data archive holds (nullopt when it was
  // not read), or why it could not be read as an archive.
  std::optional<archive::Listing> archive;
  std::optional<Error> archive_error;
  bool archive_absent = false;  // an LFS pointer whose content is not at hand
};

struct BuiltEntry {
  manifest::Entry entry;
  EntryOrigin origin;
  // The writer's exact bytes of `entry`, when it was kept as it stands from
  // a manifest that outlives the result (--changed-since): written as they
  // are (manifest::write_manifest_spliced). Empty otherwise.
  std::string_view writer_text;
};

struct GenerateResult {
  DiscoverMode mode_used = DiscoverMode::kTree;
  std::vector<std::string> readmes;  // the model READMEs read by this run
  // Every model README of the zoo, when the run knows them (a full run, or
  // --changed-since in index mode); nullopt otherwise.
  std::optional<std::vector<std::string>> all_readmes;
  bool discovery_failed = false;    // no READMEs could be looked for: write nothing
  std::vector<BuiltEntry> entries;  // sorted by model_path (stable)
};

// Reads the zoo and builds its manifest entries, reading each README once
// through `readmes`. Problems in READMEs and files go to `diags`; the run goes
// on past each bad row.
GenerateResult generate(ReadmeSet& readmes, const GenerateOptions& options, Diagnostics& diags);

// The same with a ReadmeSet of its own.
GenerateResult generate(const Source& source, const GenerateOptions& options, Diagnostics& diags);

// The entries alone, in order.
std::vector<manifest::Entry> entries_of(const GenerateResult& result);

}  // namespace ohm::zoo
