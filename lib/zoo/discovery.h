#pragma once
// Finding the model READMEs of a zoo (SPEC 2).

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "zoo/readme_set.h"
#include "zoo/source.h"

namespace ohm::zoo {

enum class DiscoverMode { kAuto, kIndex, kTree };

struct Discovery {
  DiscoverMode mode_used = DiscoverMode::kTree;
  std::vector<std::string> readmes;  // zoo-relative, sorted, unique
  // Folders that Model Class links name but that hold no README: the previous
  // manifest's entries below them are kept (a broken link deletes nothing).
  std::vector<std::string> unreachable_folders;
  bool failed = false;  // --discover index without an index: nothing to write
};

// The model READMEs: in index mode the folders linked from "Model Class" cells
// of the root README; in tree mode every README.md holding a model table.
// kAuto picks index mode when the root README has such a table. Links that
// lead nowhere are errors (index.link.*) naming the root README line.
Discovery discover_readmes(ReadmeSet& readmes, DiscoverMode mode, Diagnostics& diags);

// The READMEs among `candidates` (sorted) that the root README's index links
// to, as discover_readmes in index mode finds them, but following (stat-ing)
// only the links whose path names one of them; nothing is reported.
std::vector<std::string> index_linked_among(ReadmeSet& readmes, const std::vector<std::string>& candidates);

// Every README.md of the zoo that holds a model table, or that is a regular
// file that cannot be read or is past a limit (tree mode's answer).
std::vector<std::string> readmes_with_model_tables(ReadmeSet& readmes, Diagnostics& diags);

// Starts reading, on threads of their own (ReadmeSet::read_ahead), the
// READMEs a whole run discovers in `mode`, on up to `jobs` threads: they are
// parsed while the caller reads the manifest; and, when asked, the list of
// every file (ReadmeSet::files, which validate's reachability check walks).
void read_discovered_ahead(ReadmeSet& readmes, DiscoverMode mode, unsigned jobs, bool and_list_files = false);

// The mode discover_readmes would use, without following the index's links.
DiscoverMode mode_for(ReadmeSet& readmes, DiscoverMode asked);

constexpr const char* kRootReadme = "README.md";

}  // namespace ohm::zoo
