// onnx-hub-manifest list: the hub's models, filtered as onnx.hub.list_models does.
#include <algorithm>
#include <iomanip>
#include <sstream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "hub/query.h"
#include "hub_flags.h"
#include "manifest/json_io.h"

namespace ohm::cli {
namespace {

struct ListFlags {
  HubFlags hub;
  std::string model;
  std::vector<std::string> tags;
  std::string format = "table";
};

// 26454 -> "25.8 KiB": sizes for people, binary units as du -h uses.
std::string human_size(std::uint64_t bytes) {
  static const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(bytes);
  int unit = 0;
  while (v >= 1024 && unit < 4) {
    v /= 1024;
    ++unit;
  }
  std::ostringstream out;
  if (unit == 0) {
    out << bytes << " B";
  } else {
    out << std::fixed << std::setprecision(1) << v << ' ' << kUnits[unit];
  }
  return out.str();
}

void print_table(std::ostream& out, const std::vector<const manifest::Entry*>& entries) {
  std::vector<std::vector<std::string>> rows = {{"MODEL", "OPSET", "SIZE", "TAGS", "PATH"}};
  for (const manifest::Entry* e : entries) {
    std::string tags;
    for (const std::string& t : e->tags) tags += (tags.empty() ? "" : ", ") + t;
    rows.push_back({e->model, std::to_string(e->opset_version), human_size(e->model_bytes), tags, e->model_path});
  }
  std::vector<std::size_t> width(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string cell = row[i];
      // Numbers right-aligned, text left-aligned; the last column is not padded.
      bool numeric = i == 1 || i == 2;
      if (i + 1 < row.size()) {
        std::string pad(width[i] - cell.size(), ' ');
        cell = numeric ? pad + cell : cell + pad;
        cell += "  ";
      }
      line += cell;
    }
    out << line << '\n';
  }
}

int run_list(const ListFlags& flags, Context& ctx) {
  Diagnostics diags;
  int code = kExitClean;
  auto hub = open_hub_or_report(flags.hub, false, ctx, "list", diags, &code);
  if (!hub) return code;
  std::vector<const manifest::Entry*> matches = hub::match_models(hub->entries, flags.model, flags.tags);
  if (flags.format == "json") {
    manifest::Json array = manifest::Json::array();
    for (const manifest::Entry* e : matches) array.push_back(manifest::to_json(*e));
    ctx.out << manifest::dump_python_style(array) << '\n';
  } else {
    print_table(ctx.out, matches);
  }
  return ctx.finish(diags, "list: " + std::to_string(matches.size()) + " models");
}

}  // namespace

void register_list(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ListFlags>();
  CLI::App* cmd = app.add_subcommand("list", "List the hub's models (by name and tags, as onnx.hub.list_models)");
  add_hub_flags(*cmd, flags->hub);
  cmd->add_option("--model", flags->model, "Only this model (case-insensitive)");
  cmd->add_option("--tag", flags->tags, "Only models with any of these tags (case-insensitive; repeatable)");
  cmd->add_option("--format", flags->format, "Output format")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_list(*flags, ctx); }; });
}

}  // namespace ohm::cli
