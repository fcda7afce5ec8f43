#pragma once
// The READMEs of one run, each read and parsed once however many steps look
// at it (discovery, row planning, reachability, --changed-since).

#include <functional>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "readme/markdown_tables.h"
#include "zoo/source.h"

namespace ohm::zoo {

struct ParsedReadme {
  std::string text;
  std::vector<readme::Table> tables;
  bool has_model_table = false;
};

class ReadmeSet {
 public:
  explicit ReadmeSet(const Source& source) : source_(source) {}
  ReadmeSet(const ReadmeSet&) = delete;
  ReadmeSet& operator=(const ReadmeSet&) = delete;
  ~ReadmeSet();

  // Runs `work` on a thread of its own with a set of its own over the same
  // source (discovery and read_all, say, while the caller reads the
  // manifest): this set's first use waits for it and takes over what it
  // read. What `work` reports goes nowhere; the run that follows reports it.
  // `work` must be safe to run beside the caller's reads of the source, and
  // the first use after this call must be from one thread.
  void read_ahead(std::function<void(ReadmeSet&)> work);

  // The README at `rel`, read (a regular file within readme::InputLimits) and
  // parsed on first use. Fails with a problem naming `rel` when it cannot be
  // read (readme.unreadable) or is past a limit (readme.limit, at the line);
  // the failure is kept too.
  const Result<ParsedReadme>& get(const std::string& rel);

  // Reads and parses every one of `rels` not read yet, on up to `jobs`
  // threads (what get() then returns is the same for any number). Afterwards
  // get() of any of them only looks up, and may be called from several threads.
  void read_all(const std::vector<std::string>& rels, unsigned jobs);

  // Every file of the source (Source::list_files), listed once per set.
  const Result<std::vector<std::string>>& files();

  // True when `rel` is a regular file holding a model table (false when it
  // cannot be read or is not a regular file).
  bool is_model_readme(const std::string& rel);

  const Source& source() const { return source_; }

 private:
  Result<ParsedReadme> read(const std::string& rel) const;
  // Waits for read_ahead()'s work, if any, and takes over what it read.
  void settle();

  const Source& source_;
  struct Read {
    std::map<std::string, Result<ParsedReadme>> parsed;
    std::optional<Result<std::vector<std::string>>> files;
  };
  Read read_;
  std::future<Read> ahead_;
};

// True for "README.md" and ".../README.md".
bool is_readme_path(const std::string& rel);

}  // namespace ohm::zoo
