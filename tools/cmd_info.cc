// onnx-hub-manifest info: one model's manifest entry, as onnx.hub.get_model_info picks it.
#include <memory>
#include <optional>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "hub/query.h"
#include "hub_flags.h"
#include "manifest/json_io.h"

namespace ohm::cli {
namespace {

struct InfoFlags {
  HubFlags hub;
  std::string model;
  std::optional<std::int64_t> opset;
};

int run_info(const InfoFlags& flags, Context& ctx) {
  Diagnostics diags;
  int code = kExitClean;
  auto hub = open_hub_or_report(flags.hub, false, ctx, "info", diags, &code);
  if (!hub) return code;
  auto chosen = hub::select_model(hub->entries, flags.model, flags.opset);
  if (!chosen) return report_failure(ctx, chosen.failure(), hub->manifest_shown, 0, "info", diags);
  ctx.out << manifest::dump_python_style(manifest::to_json(**chosen)) << '\n';
  return ctx.finish(diags, "info");
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
