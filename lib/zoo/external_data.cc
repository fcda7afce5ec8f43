#include "zoo/external_data.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/checks.h"
#include "zoo/artifact.h"
#include "zoo/zoo_paths.h"

namespace ohm::zoo {
namespace {

using manifest::Json;

struct FileFacts {
  std::string sha;
  std::uint64_t bytes = 0;
};

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string tensor_name(const onnx::ExternalDataRef& ref) {
  return ref.tensor.empty() ? std::string("an unnamed tensor") : "tensor " + quoted(ref.tensor);
}

SideFileRead read_file(const Source& source, const std::string& rel) {
  SideFileRead out;
  out.kind = source.stat(rel).kind;
  if (out.kind == fs::FileKind::kRegular) out.info.emplace(read_artifact(source, rel, nullptr));
  return out;
}

// Reads one side file's sha and size (once per run with `reads`); a finding
// when it is missing, not a regular file, or unreadable.
std::optional<FileFacts> read_facts(const Source& source, const std::string& rel, const std::string& who,
                                    SideFileReads* reads, std::vector<SideFileFinding>& findings) {
  std::optional<SideFileRead> own;
  const SideFileRead& file =
      reads ? reads->get(rel, [&] { return read_file(source, rel); }) : own.emplace(read_file(source, rel));
  if (file.kind == fs::FileKind::kMissing) {
    findings.push_back({check::kArtifactMissing, "external data file " + rel + " (" + who + ") does not exist"});
    return std::nullopt;
  }
  if (file.kind != fs::FileKind::kRegular) {
    findings.push_back({check::kExternalDataUnsafe, "external data file " + rel + " (" + who + ") is " +
                                                        fs::describe(file.kind) +
                                                        ", not a regular file; it is not opened"});
    return std::nullopt;
  }
  const Result<ArtifactInfo>& info = *file.info;
  if (!info) {
    findings.push_back({info.failure().code, "external data file " + info.error()});
    return std::nullopt;
  }
  return FileFacts{info->sha, info->bytes};
}

// read_facts, noting a file that could not be read in `out.unread`.
std::optional<FileFacts> read_one(const Source& source, const std::string& rel, const std::string& who,
                                  SideFileReads* reads, SideFiles& out) {
  std::optional<FileFacts> facts = read_facts(source, rel, who, reads, out.findings);
  if (!facts) out.unread.push_back(rel);
  return facts;
}

Json list_of(const std::map<std::string, FileFacts>& files) {
  Json list = Json::array();
  for (const auto& [path, facts] : files) {
    Json f = Json::object();
    f["path"] = path;
    f["sha"] = facts.sha;
    f["bytes"] = facts.bytes;
    list.push_back(std::move(f));
  }
  return list;
}

// "./w.bin" and "sub/./w.bin" name the file "w.bin" and "sub/w.bin" do (onnx
// writes no such paths, but they are harmless); nothing else is rewritten.
std::string without_dot_components(const std::string& location) {
  std::string out;
  bool first = true;
  std::size_t start = 0;
  while (start <= location.size()) {
    std::size_t end = location.find('/', start);
    if (end == std::string::npos) end = location.size();
    const std::string part = location.substr(start, end - start);
    if (part != ".") {
      out += (first ? "" : "/") + part;
      first = false;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string unsafe_location_reason(const std::string& location) {
  if (location.empty()) return "the tensor names no location";
  const std::string plain = without_dot_components(location);
  if (plain.empty()) return "it names the model's folder, not a file";
  return unsafe_path_reason(plain);
}

SideFiles read_side_files(const Source& source, const std::string& model_path,
                          const std::vector<onnx::ExternalDataRef>& refs, SideFileReads* reads) {
  SideFiles out;
  const std::string folder = parent_folder(model_path);
  std::map<std::string, std::optional<FileFacts>> read;  // zoo path -> facts (nullopt: reported)
  std::map<std::string, FileFacts> listed;
  for (const onnx::ExternalDataRef& ref : refs) {
    if (const std::string why = unsafe_location_reason(ref.location); !why.empty()) {
      out.findings.push_back({check::kExternalDataUnsafe, tensor_name(ref) + " has external data location " +
                                                              quoted(ref.location) + ": " + why +
                                                              "; it must name a file inside the model's folder"});
      continue;
    }
    const std::string rel = join_path(folder, without_dot_components(ref.location));
    auto it = read.find(rel);
    if (it == read.end()) it = read.emplace(rel, read_one(source, rel, tensor_name(ref), reads, out)).first;
    if (!it->second) continue;
    const FileFacts& facts = *it->second;
    listed.emplace(rel, facts);
    if (!ref.bad_number.empty()) {
      out.findings.push_back({check::kExternalDataRange, tensor_name(ref) + " in " + rel + ": " + ref.bad_number});
      continue;
    }
    const std::uint64_t offset = ref.offset.value_or(0);
    const bool past = offset > facts.bytes || (ref.length && *ref.length > facts.bytes - offset);
    if (past) {
      out.findings.push_back(
          {check::kExternalDataRange, tensor_name(ref) + " reads bytes " + std::to_string(offset) + ".." +
                                          (ref.length ? std::to_string(offset + *ref.length) : std::string("end")) +
                                          " of " + rel + ", which holds " + std::to_string(facts.bytes) + " bytes"});
    }
  }
  out.list = list_of(listed);
  return out;
}

SideFiles reread_side_files(const Source& source, const std::string& model_path, const std::string& previous_model_path,
                            const Json& previous, SideFileReads* reads) {
  SideFiles out;
  if (!previous.is_array()) return out;
  const std::string folder = parent_folder(model_path);
  const std::string previous_folder = parent_folder(previous_model_path);
  const std::string prefix = previous_folder.empty() ? "" : previous_folder + "/";
  std::map<std::string, FileFacts> listed;
  for (const Json& f : previous) {
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string()) continue;
    const std::string listed_path = f["path"].get<std::string>();
    const bool inside = listed_path.compare(0, prefix.size(), prefix) == 0;
    const std::string location = inside ? listed_path.substr(prefix.size()) : listed_path;
    const std::string why = inside ? unsafe_location_reason(location) : "outside the model's folder";
    if (!why.empty()) {
      out.findings.push_back({check::kExternalDataUnsafe, "external data file " + quoted(listed_path) + ": " + why});
      continue;
    }
    const std::string rel = join_path(folder, location);
    if (auto facts = read_one(source, rel, "listed for this model", reads, out)) listed.emplace(rel, *facts);
  }
  out.list = list_of(listed);
  return out;
}

std::vector<Collision> find_collisions(const std::vector<const manifest::Entry*>& entries) {
  std::vector<Collision> out;
  struct Seen {
    std::size_t entry;
    Json file;
  };
  std::unordered_map<std::string, Seen> by_path;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const manifest::Entry& e = *entries[i];
    if (!e.external_data || !e.external_data->is_array()) continue;
    for (const Json& f : *e.external_data) {
      if (!f.is_object() || !f.contains("path") || !f["path"].is_string()) continue;
      const std::string path = f["path"].get<std::string>();
      auto [it, fresh] = by_path.emplace(path, Seen{i, f});
      if (fresh || it->second.entry == i || it->second.file == f) continue;
      out.push_back({i, "external data file " + path + " differs from the one " +
                            entries[it->second.entry]->model_path +
                            " lists under the same name: in the cache one would overwrite the other"});
    }
  }
  return out;
}

}  // namespace ohm::zoo
