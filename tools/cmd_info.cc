// onnx-hub-manifest info: one model's manifest entry, as onnx.hub.get_model_info picks it.
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "app/hub.h"
#include "arg_rules.h"
#include "commands.h"
#include "core/text.h"
#include "core/units.h"
#include "flag_groups.h"
#include "manifest/json_io.h"
#include "output_flags.h"

namespace ohm::cli {
namespace {

struct InfoFlags {
  HubFlags hub;
  std::string model;
  std::optional<std::int64_t> opset;
  OutputFlags out;
};

std::string shape_text(const manifest::Json& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const manifest::Json& d = shape[i];
    s += (i ? ", " : "") + (d.is_null() ? std::string("?") : d.is_string() ? d.get<std::string>() : d.dump());
  }
  return s + "]";
}

// The entry for people: name, file, sizes, tags and ports; every text from
// the manifest shown with escape_control.
void print_text(std::ostream& out, const manifest::Entry& e) {
  out << escape_control(e.model) << " (opset " << e.opset_version << ", ONNX " << escape_control(e.onnx_version)
      << ")\n";
  out << "  path      " << escape_control(e.model_path) << "\n  sha256    " << escape_control(e.model_sha)
      << "\n  size      " << format_bytes(e.model_bytes) << "\n";
  std::string tags;
  for (const std::string& t : e.tags) tags += (tags.empty() ? "" : ", ") + t;
  out << "  tags      " << escape_control(tags) << "\n";
  if (e.model_with_data_path) {
    out << "  data      " << escape_control(*e.model_with_data_path) << " ("
        << (e.model_with_data_bytes ? format_bytes(*e.model_with_data_bytes) : std::string("size unknown")) << ")\n";
  }
  if (!e.io_ports) {
    out << "  ports     not recorded\n";
    return;
  }
  for (const char* side : {"inputs", "outputs"}) {
    out << "  " << side << "\n";
    if (!e.io_ports->contains(side)) continue;
    for (const manifest::Json& p : (*e.io_ports)[side]) {
      out << "    " << escape_control(p.value("name", "")) << "  " << escape_control(p.value("type", "")) << "  "
          << escape_control(shape_text(p.value("shape", manifest::Json::array()))) << "\n";
    }
  }
}

int run_info(const InfoFlags& flags, Context& ctx) {
  apply_output_flags(flags.out, ctx);
  Diagnostics findings;
  auto answer = app::model_info(flags.hub.request(), flags.model, flags.opset, findings);
  if (!answer) return ctx.fail(answer.failure(), findings, "info");
  if (flags.out.format == "text") {
    print_text(ctx.out, answer->entries.front());
  } else {
    ctx.out << manifest::dump_python_style(manifest::to_json(answer->entries.front())) << '\n';
  }
  return ctx.finish(findings, "info");
}

}  // namespace

void register_info(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<InfoFlags>();
  CLI::App* cmd = app.add_subcommand("info", "Print a model's manifest entry (the highest opset unless --opset)");
  add_hub_flags(*cmd, flags->hub);
  cmd->add_option("MODEL", flags->model, "Model name (case-insensitive)")
      ->type_name("")  // the name says it
      ->required();
  cmd->add_option("--opset", flags->opset, "This opset instead of the highest")
      ->type_name("N")
      ->check(whole_number(1, std::numeric_limits<std::int64_t>::max()));
  add_output_flags(*cmd, flags->out, {"json", "text"}, "The entry as json (as in the manifest) or text");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_info(*flags, ctx); }; });
}

}  // namespace ohm::cli
