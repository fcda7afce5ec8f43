#pragma once
// Zoos for unit tests, held in memory (zoo::MemorySource): the sample zoo read
// from the source tree, and small builders for READMEs and LFS pointers.

#include <string>
#include <vector>

#include "zoo/memory_source.h"

namespace ohm::testkit {

// Every file under OHM_SOURCE_DIR/<folder>, as a MemorySource.
zoo::MemorySource source_tree(const std::string& folder);

// A valid Git LFS pointer for `content`.
std::string pointer_for(const std::string& content);

// A model README with one table row per "Model|link|opset" (ONNX version 1.14).
std::string model_readme(const std::vector<std::string>& rows);

// A root README whose Model Class table links each of `folders`.
std::string index_readme(const std::vector<std::string>& folders);

}  // namespace ohm::testkit
