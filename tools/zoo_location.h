#pragma once
// Where the zoo is: --repo DIR, else the enclosing git work tree, else ".".

#include <memory>
#include <string>

#include "core/result.h"
#include "zoo/source.h"

namespace ohm::cli {

struct ZooLocation {
  std::string root;  // the zoo root folder on disk
  std::unique_ptr<zoo::Source> source;
};

// Opens the zoo's working tree. Fails (exit 2) when `repo` is not a folder.
Result<ZooLocation> open_zoo_work_tree(const std::string& repo);

}  // namespace ohm::cli
