// onnx-hub-manifest generate: build ONNX_HUB_MANIFEST.json from a zoo's READMEs and files.
#include <iostream>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "fs/atomic_write.h"
#include "git/text_diff.h"
#include "manifest/json_io.h"
#include "progress_line.h"
#include "zoo/generate.h"
#include "zoo_location.h"

namespace ohm::cli {
namespace {

constexpr const char* kManifestName = "ONNX_HUB_MANIFEST.json";
constexpr std::uint64_t kMaxManifestBytes = 256u << 20;

struct GenerateFlags {
  std::string repo;
  std::string output;
  std::string discover = "auto";
  bool check = false;
  bool quiet = false;
};

zoo::DiscoverMode discover_mode(const std::string& name) {
  if (name == "index") return zoo::DiscoverMode::kIndex;
  if (name == "tree") return zoo::DiscoverMode::kTree;
  return zoo::DiscoverMode::kAuto;
}

// The manifest the zoo holds now ("" when it has none); bad JSON is a warning
// and no previous entries.
std::string read_current_manifest(const zoo::Source& source, std::vector<manifest::Entry>* entries,
                                  Diagnostics& diags) {
  if (source.stat(kManifestName).kind != fs::FileKind::kRegular) return {};
  auto text = source.read(kManifestName, kMaxManifestBytes);
  if (!text) {
    diags.warning(kManifestName, 0, "manifest.unreadable", text.error());
    return {};
  }
  Diagnostics parse_diags;
  auto parsed = manifest::parse_manifest(*text, kManifestName, parse_diags);
  if (!parsed) {
    diags.warning(kManifestName, 0, "manifest.invalid",
                  parsed.error() + "; previous entries are not reused");
  } else {
    *entries = std::move(*parsed);
  }
  return *text;
}

int run_generate(const GenerateFlags& flags, Context& ctx) {
  auto zoo = open_zoo_work_tree(flags.repo);
  if (!zoo) {
    ctx.fatal(zoo.error());
    return kExitCannotRun;
  }
  Diagnostics diags;
  zoo::GenerateOptions options;
  options.discover = discover_mode(flags.discover);
  std::string current = read_current_manifest(*zoo->source, &options.previous, diags);

  ProgressLine progress(ctx.err, ctx.err_is_terminal && !flags.quiet);
  options.on_progress = [&progress](const zoo::Progress& p) { progress.update(p); };
  zoo::GenerateResult result = zoo::generate(*zoo->source, options, diags);
  std::string text = manifest::write_manifest(zoo::entries_of(result));
  progress.finish();

  const std::string target = flags.output.empty() ? zoo->root + "/" + kManifestName : flags.output;
  const std::string summary_what = std::to_string(result.entries.size()) + " entries from " +
                                   std::to_string(result.readmes.size()) + " READMEs";
  if (flags.check) {
    std::string on_disk = current;
    if (!flags.output.empty() && flags.output != "-") {
      auto other = fs::read_regular_file(flags.output, kMaxManifestBytes);
      on_disk = other ? *other : std::string();
    }
    std::string diff = git::unified_diff(on_disk, text, kManifestName, kManifestName);
    if (!diff.empty()) {
      ctx.out << diff;
      diags.error(flags.output.empty() ? kManifestName : flags.output, 0, "manifest.stale",
                  "the manifest differs from what generate would write; run onnx-hub-manifest generate");
    }
    ctx.print_diagnostics(diags, "check: " + summary_what);
    return diags.has_errors() ? kExitProblems : kExitClean;
  }
  if (flags.output == "-") {
    ctx.out << text;
  } else if (auto written = fs::write_file_atomically(target, text); !written) {
    ctx.print_diagnostics(diags, "generate: " + summary_what);
    ctx.fatal(written.error());
    return kExitCannotRun;
  }
  if (!flags.quiet || !diags.all().empty()) {
    ctx.print_diagnostics(diags, "generate: wrote " + summary_what);
  }
  return diags.has_errors() ? kExitProblems : kExitClean;
}

}  // namespace

void register_generate(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<GenerateFlags>();
  CLI::App* cmd = app.add_subcommand("generate", "Write ONNX_HUB_MANIFEST.json from the zoo's README tables and files");
  cmd->add_option("--repo", flags->repo, "Zoo root (default: the enclosing git work tree, else .)");
  cmd->add_option("-o,--output", flags->output, "Write here instead of <zoo>/ONNX_HUB_MANIFEST.json ('-' for stdout)");
  cmd->add_option("--discover", flags->discover, "How model READMEs are found")
      ->check(CLI::IsMember({"auto", "index", "tree"}));
  cmd->add_flag("--check", flags->check, "Write nothing; exit 1 with a diff when the manifest is not up to date");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress line, and no summary when nothing was found");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_generate(*flags, ctx); }; });
}

}  // namespace ohm::cli
