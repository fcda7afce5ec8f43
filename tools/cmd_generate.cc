// onnx-hub-manifest generate: build ONNX_HUB_MANIFEST.json from a zoo's READMEs and files.
#include <iostream>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "fs/atomic_write.h"
#include "git/changed_since.h"
#include "git/open_zoo.h"
#include "git/text_diff.h"
#include "manifest/json_io.h"
#include "progress_line.h"
#include "zoo/feature_tensors.h"
#include "zoo/generate.h"

namespace ohm::cli {
namespace {

using manifest::kManifestName;
using manifest::kMaxManifestBytes;

struct GenerateFlags {
  std::string repo;
  std::string output;
  std::string discover = "auto";
  bool check = false;
  bool quiet = false;
  std::optional<std::string> rev;            // --rev: read that commit (output only to -o)
  bool staged = false;                       // --staged: read the index
  std::optional<std::string> reuse_file;     // --reuse FILE: ports by model_sha from FILE
  bool no_reuse = false;
  bool recompute_ports = false;
  std::optional<std::string> changed_since;  // --changed-since BASE
  bool stats = false;                        // --stats: bytes read from files, on stderr
  std::string feature_tensors;               // --feature-tensors FILE
};

zoo::DiscoverMode discover_mode(const std::string& name) {
  if (name == "index") return zoo::DiscoverMode::kIndex;
  if (name == "tree") return zoo::DiscoverMode::kTree;
  return zoo::DiscoverMode::kAuto;
}

// The manifest the zoo holds now ("" when it has none); bad JSON is a warning
// and no previous entries. `usable` says whether it was read and parsed.
std::string read_current_manifest(const zoo::Source& source, std::vector<manifest::Entry>* entries,
                                  Diagnostics& diags, bool* usable) {
  *usable = false;
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
    *usable = true;
  }
  // Entries the old manifest got wrong are replaced by regeneration: say so.
  for (Diagnostic d : parse_diags.all()) {
    d.severity = Severity::kWarning;
    d.message += "; it is not kept";
    diags.add(std::move(d));
  }
  return *text;
}

// The entries of --reuse FILE; fails (exit 2) when it cannot be read or is not a manifest.
Result<std::vector<manifest::Entry>> read_reuse_file(const std::string& path, Diagnostics& diags) {
  auto text = fs::read_regular_file(path, kMaxManifestBytes);
  if (!text) return Error{"--reuse: " + text.error()};
  auto parsed = manifest::parse_manifest(*text, path, diags);
  if (!parsed) return Error{"--reuse: " + path + ": " + parsed.error()};
  return std::move(*parsed);
}

int run_generate(const GenerateFlags& flags, Context& ctx) {
  if (flags.rev && flags.output.empty() && !flags.check) {
    ctx.fatal("--rev reads a commit, which has no manifest file to replace: name the output with -o FILE");
    return kExitCannotRun;
  }
  git::OpenOptions where{flags.repo, flags.rev, flags.staged};
  auto zoo = git::open_zoo(where);
  if (!zoo) {
    ctx.fatal(zoo.error());
    return kExitCannotRun;
  }
  Diagnostics diags;
  zoo::GenerateOptions options;
  options.discover = discover_mode(flags.discover);
  options.repo_prefix = zoo->prefix;
  options.reuse = !flags.no_reuse;
  options.recompute_ports = flags.recompute_ports;
  auto features = zoo::feature_table_for(*zoo->source, flags.feature_tensors);
  if (!features) {
    ctx.fatal(features.error());
    return kExitCannotRun;
  }
  options.feature_tensors = std::move(*features);
  // The manifest at the source (compared by --check, kept by --changed-since),
  // and the previous one for reuse: the same, unless --reuse names another.
  std::vector<manifest::Entry> at_source;
  bool have_manifest = false;
  std::string current = read_current_manifest(*zoo->source, &at_source, diags, &have_manifest);
  options.previous = at_source;
  if (flags.reuse_file) {
    auto other = read_reuse_file(*flags.reuse_file, diags);
    if (!other) {
      ctx.fatal(other.error());
      return kExitCannotRun;
    }
    options.previous = std::move(*other);
  }

  ProgressLine progress(ctx.err, ctx.err_is_terminal && !flags.quiet);
  options.on_progress = [&progress](const zoo::Progress& p) { progress.update(p); };
  zoo::GenerateResult result;
  if (flags.changed_since) {
    auto changes = git::changed_paths(where, *flags.changed_since);
    auto base = changes ? git::open_zoo({flags.repo, flags.changed_since, false}) : Result<git::OpenedZoo>(Error{});
    if (!changes || !base) {
      ctx.fatal(changes ? base.error() : changes.error());
      return kExitCannotRun;
    }
    // Every entry not rebuilt is kept from the target's manifest; with no
    // readable manifest there is nothing to keep, so the whole zoo is built.
    result = have_manifest
                 ? git::generate_changed_since(*zoo->source, *base->source, *changes, at_source, options, diags)
                 : zoo::generate(*zoo->source, options, diags);
  } else {
    result = zoo::generate(*zoo->source, options, diags);
  }
  std::string text = manifest::write_manifest(zoo::entries_of(result));
  progress.finish();
  if (flags.stats) ctx.err << "stats: " << fs::bytes_read_total() << " bytes read from files\n";

  const std::string target = flags.output.empty() ? zoo->root_on_disk + "/" + kManifestName : flags.output;
  const std::string summary_what = std::to_string(result.entries.size()) + " entries from " +
                                   std::to_string(result.readmes.size()) + " READMEs";
  if (result.discovery_failed) {
    ctx.print_diagnostics(diags, "generate: no model READMEs could be looked for, nothing written");
    return kExitProblems;
  }
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
  auto rev = cmd->add_option("--rev", flags->rev, "Read the zoo at this commit (branch, tag, sha, HEAD~3) without a checkout; needs -o");
  auto staged = cmd->add_flag("--staged", flags->staged, "Read the zoo from the git index (GIT_INDEX_FILE when set), as pre-commit does");
  rev->excludes(staged);
  auto reuse = cmd->add_option("--reuse", flags->reuse_file, "Take io_ports/extra_ports by model_sha from this manifest");
  cmd->add_flag("--no-reuse", flags->no_reuse, "Take no ports from a previous manifest")->excludes(reuse);
  cmd->add_flag("--recompute-ports", flags->recompute_ports, "Inspect every model whose content is at hand, even when its sha is known");
  cmd->add_option("--changed-since", flags->changed_since, "Rebuild only the rows whose README, .onnx or .tar.gz changed since this revision");
  cmd->add_option("--feature-tensors", flags->feature_tensors,
                  "Feature-tensor table (JSON: model name -> tensor) instead of the zoo's "
                  ".onnx-hub-manifest/feature_tensors.json or the built-in one");
  cmd->add_flag("--stats", flags->stats, "Print how many bytes were read from files, on stderr");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_generate(*flags, ctx); }; });
}

}  // namespace ohm::cli
