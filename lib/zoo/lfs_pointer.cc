#include "zoo/lfs_pointer.h"

#include <limits>

#include "core/text.h"
#include "hash/sha256.h"

namespace ohm::zoo {
namespace {

constexpr std::string_view kVersionPrefix = "version ";
constexpr std::string_view kVersions[] = {"https://git-lfs.github.com/spec/v1", "https://hawser.github.com/spec/v1"};

PointerParse malformed(std::string problem) {
  PointerParse p;
  p.status = PointerStatus::kMalformed;
  p.problem = std::move(problem);
  return p;
}

}  // namespace

PointerParse parse_lfs_pointer(std::string_view text) {
  if (text.size() > kMaxPointerBytes || text.substr(0, kVersionPrefix.size()) != kVersionPrefix) {
    return {};
  }
  if (text.back() != '\n') return malformed("pointer does not end with a newline");
  std::vector<std::string> lines = split(text.substr(0, text.size() - 1), '\n');
  bool known_version = false;
  for (std::string_view v : kVersions) known_version |= lines[0] == std::string(kVersionPrefix) + std::string(v);
  if (!known_version) return malformed("unknown pointer version \"" + lines[0].substr(kVersionPrefix.size()) + "\"");

  PointerParse out;
  bool have_oid = false, have_size = false;
  std::string previous_key;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    auto space = line.find(' ');
    if (space == std::string::npos || space == 0) return malformed("bad pointer line \"" + line + "\"");
    std::string key = line.substr(0, space);
    std::string value = line.substr(space + 1);
    if (key <= previous_key) return malformed("pointer keys are not sorted or repeat \"" + key + "\"");
    previous_key = key;
    if (key == "oid") {
      if (value.rfind("sha256:", 0) != 0 || !hash::is_sha256_hex(value.substr(7))) {
        return malformed("bad pointer oid \"" + value + "\"");
      }
      out.pointer.oid = value.substr(7);
      have_oid = true;
    } else if (key == "size") {
      auto n = parse_int64(value);
      if (!n || *n < 0 || value[0] == '-' || (value.size() > 1 && value[0] == '0')) {
        return malformed("bad pointer size \"" + value + "\"");
      }
      out.pointer.size = static_cast<std::uint64_t>(*n);
      have_size = true;
    }
  }
  if (!have_oid) return malformed("pointer has no oid");
  if (!have_size) return malformed("pointer has no size");
  out.status = PointerStatus::kPointer;
  return out;
}

std::string lfs_store_path(const std::string& git_dir, const std::string& oid) {
  return git_dir + "/lfs/objects/" + oid.substr(0, 2) + "/" + oid.substr(2, 2) + "/" + oid;
}

}  // namespace ohm::zoo
