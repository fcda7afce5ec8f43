// Fuzz target: a whole zoo held in memory -> generate (archives read) ->
// manifest bytes -> validate, the same entry points the tool runs (as bloaty's
// fuzz target reuses BloatyMain). The input is a list of files: records
// "<path>\0<content>\0"; a path starting with "@" puts the content in the LFS
// store instead, "~" makes a symlink.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "manifest/json_io.h"
#include "validate/validate.h"
#include "zoo/generate.h"
#include "zoo/memory_source.h"

namespace {

ohm::zoo::MemorySource zoo_of(std::string_view input) {
  ohm::zoo::MemorySource zoo;
  zoo.chunk_bytes = 1 + input.size() % 4096;
  std::size_t at = 0;
  for (int files = 0; at < input.size() && files < 64; ++files) {
    std::size_t end_path = input.find('\0', at);
    if (end_path == std::string_view::npos) break;
    std::size_t end_content = input.find('\0', end_path + 1);
    if (end_content == std::string_view::npos) end_content = input.size();
    std::string path(input.substr(at, end_path - at));
    std::string content(input.substr(end_path + 1, end_content - end_path - 1));
    at = end_content + 1;
    if (path.empty()) continue;
    if (path[0] == '@') {
      zoo.lfs_object(std::move(content));
    } else if (path[0] == '~') {
      zoo.symlink(path.substr(1));
    } else {
      zoo.file(path, std::move(content));
    }
  }
  return zoo;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ohm::zoo::MemorySource zoo = zoo_of(std::string_view(reinterpret_cast<const char*>(data), size));
  ohm::Diagnostics diags;
  ohm::zoo::GenerateOptions options;
  options.read_archives = true;
  options.archive_limits.max_entries = 64;
  options.archive_limits.max_unpacked_bytes = 1u << 20;
  if (auto text = zoo.read("ONNX_HUB_MANIFEST.json", 1u << 20)) {
    auto previous = ohm::manifest::parse_manifest(*text, "m", diags);
    if (previous) options.previous = *previous;
  }
  ohm::zoo::GenerateResult result = ohm::zoo::generate(zoo, options, diags);
  const std::string manifest = ohm::manifest::write_manifest(ohm::zoo::entries_of(result));
  // What generate writes is a manifest with every entry it built.
  ohm::Diagnostics reread;
  auto entries = ohm::manifest::parse_manifest(manifest, "out", reread);
  if (!entries || entries->size() != result.entries.size() || !reread.all().empty()) __builtin_trap();

  ohm::validate::ValidateOptions check;
  check.manifest_text = manifest;
  check.archive_limits = options.archive_limits;
  auto report = ohm::validate::validate(zoo, check);
  if (!report) __builtin_trap();  // the built-in schema always compiles
  return 0;
}
