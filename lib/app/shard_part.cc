#include "app/shard_part.h"

#include "core/checks.h"
#include "manifest/entry.h"
#include "manifest/json_io.h"

namespace ohm::app {

std::string shard_part_path(const std::string& part) { return part + ".shard.json"; }

std::string shard_part_text(const ShardPart& part) {
  manifest::Json doc = manifest::Json::object();
  doc["shard"] = zoo::to_string(part.shard);
  doc["revision"] = part.revision;
  doc["entries"] = part.entries;
  return manifest::dump_python_style(doc) + "\n";
}

Result<ShardPart> parse_shard_part(const std::string& text, const std::string& shown) {
  auto bad = [&shown](const std::string& why) {
    return problem(check::kMergePartInvalid, why + " (generate --shard K/N writes it beside its -o FILE)", shown);
  };
  const manifest::Json doc = manifest::Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return bad("not a shard side file (JSON object)");
  auto shard = doc.find("shard");
  auto revision = doc.find("revision");
  auto entries = doc.find("entries");
  if (shard == doc.end() || !shard->is_string()) return bad("no \"shard\": \"K/N\"");
  if (revision == doc.end() || !revision->is_string()) return bad("no \"revision\"");
  if (entries == doc.end() || !entries->is_number_unsigned()) return bad("no \"entries\" count");
  std::optional<zoo::Shard> parsed = zoo::parse_shard(shard->get<std::string>());
  if (!parsed) return bad("\"shard\" is not K/N with 1 <= K <= N");
  return ShardPart{*parsed, revision->get<std::string>(), entries->get<std::size_t>()};
}

}  // namespace ohm::app
