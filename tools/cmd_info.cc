// onnx-hub-manifest info: one model's manifest entry, as onnx.hub.get_model_info picks it.
#include <memory>
#include <optional>
#include <string>

#include "app/hub.h"
#include "commands.h"
#include "flag_groups.h"
#include "manifest/json_io.h"

namespace ohm::cli {
namespace {

struct InfoFlags {
  HubFlags hub;
  std::string model;
  std::optional<std::int64_t> opset;
};

int run_info(const InfoFlags& flags, Context& ctx) {
  Diagnostics findings;
  auto answer = app::model_info(flags.hub.request(), flags.model, flags.opset, findings);
  if (!answer) return ctx.fail(answer.failure(), findings, "info");
  ctx.out << manifest::dump_python_style(manifest::to_json(answer->entries.front())) << '\n';
  return ctx.finish(findings, "info");
}

}  // namespace

void register_info(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<InfoFlags>();
  CLI::App* cmd = app.add_subcommand("info", "Print a model's manifest entry (the highest opset unless --opset)");
  add_hub_flags(*cmd, flags->hub);
  cmd->add_option("model", flags->model, "Model name (case-insensitive)")->required();
  cmd->add_option("--opset", flags->opset, "This opset instead of the highest");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_info(*flags, ctx); }; });
}

}  // namespace ohm::cli
