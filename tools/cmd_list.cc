// onnx-hub-manifest list: the hub's models, filtered as onnx.hub.list_models does.
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "app/hub.h"
#include "commands.h"
#include "core/units.h"
#include "flag_groups.h"
#include "manifest/json_io.h"
#include "output_flags.h"
#include "text_table.h"

namespace ohm::cli {
namespace {

struct ListFlags {
  HubFlags hub;
  std::string model;
  std::vector<std::string> tags;
  OutputFlags out;
};

void print_table(std::ostream& out, const std::vector<manifest::Entry>& entries) {
  std::vector<std::vector<std::string>> rows = {{"MODEL", "OPSET", "SIZE", "TAGS", "PATH"}};
  for (const manifest::Entry& e : entries) {
    std::string tags;
    for (const std::string& t : e.tags) tags += (tags.empty() ? "" : ", ") + t;
    rows.push_back({e.model, std::to_string(e.opset_version), format_bytes(e.model_bytes), tags, e.model_path});
  }
  print_text_table(out, rows, {1, 2});
}

int run_list(const ListFlags& flags, Context& ctx) {
  apply_output_flags(flags.out, ctx);
  Diagnostics findings;
  auto answer = app::list_models(flags.hub.request(), flags.model, flags.tags, findings);
  if (!answer) return ctx.fail(answer.failure(), findings, "list");
  if (flags.out.format == "json") {
    manifest::Json array = manifest::Json::array();
    for (const manifest::Entry& e : answer->entries) array.push_back(manifest::to_json(e));
    ctx.out << manifest::dump_python_style(array) << '\n';
  } else {
    print_table(ctx.out, answer->entries);
  }
  return ctx.finish(findings, "list: " + std::to_string(answer->entries.size()) + " models");
}

}  // namespace

void register_list(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ListFlags>();
  CLI::App* cmd = app.add_subcommand("list", "List the hub's models (by name and tags, as onnx.hub.list_models)");
  add_hub_flags(*cmd, flags->hub);
  cmd->add_option("--model", flags->model,
                  "Only this model (case-insensitive; exit 1 with the nearest names when none has it)")
      ->type_name("MODEL");
  cmd->add_option("--tag", flags->tags, "Only models with any of these tags (case-insensitive; repeatable)")
      ->type_name("TAG");
  // "table" is the name this form had before --format became one grammar.
  add_output_flags(*cmd, flags->out, {"text", "json", "table"}, "text (a table) or json (the entries)");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_list(*flags, ctx); }; });
}

}  // namespace ohm::cli
