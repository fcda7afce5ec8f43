// onnx-hub-manifest validate: check ONNX_HUB_MANIFEST.json against its schema
// and the zoo (SPEC 7), and report in text, JSON or GitHub annotations.
#include <memory>
#include <optional>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "fs/file_reader.h"
#include "git/open_zoo.h"
#include "manifest/json_io.h"
#include "report_format.h"
#include "validate/validate.h"
#include "zoo/feature_tensors.h"

namespace ohm::cli {
namespace {

using manifest::kManifestName;
using manifest::kMaxManifestBytes;
constexpr std::uint64_t kMaxSchemaBytes = 16u << 20;

struct ValidateFlags {
  std::string repo;
  std::optional<std::string> rev;
  bool staged = false;
  std::optional<std::string> manifest;
  std::optional<std::string> schema;
  std::optional<std::string> changed_since;
  std::string format = "text";
  std::string discover = "auto";
  std::string feature_tensors;  // --feature-tensors FILE
  bool strict = false;
  std::uint64_t max_entries = archive::kDefaultMaxEntries;
  std::uint64_t max_unpacked_bytes = archive::kDefaultMaxUnpackedBytes;
};

zoo::DiscoverMode discover_mode(const std::string& name) {
  if (name == "index") return zoo::DiscoverMode::kIndex;
  if (name == "tree") return zoo::DiscoverMode::kTree;
  return zoo::DiscoverMode::kAuto;
}

// The zoo's manifest text: nullopt when it has none; fails when it is there but unreadable.
Result<std::optional<std::string>> manifest_in(const zoo::Source& source) {
  if (source.stat(kManifestName).kind == fs::FileKind::kMissing) return std::optional<std::string>();
  auto text = source.read(kManifestName, kMaxManifestBytes);
  if (!text) return Error{kManifestName + std::string(": ") + text.error()};
  return std::optional<std::string>(std::move(*text));
}

int run_validate(const ValidateFlags& flags, Context& ctx) {
  git::OpenOptions where{flags.repo, flags.rev, flags.staged};
  auto zoo = git::open_zoo(where);
  if (!zoo) {
    ctx.fatal(zoo.error());
    return kExitCannotRun;
  }
  validate::ValidateOptions options;
  options.discover = discover_mode(flags.discover);
  options.repo_prefix = zoo->prefix;
  options.strict = flags.strict;
  options.archive_limits = {flags.max_entries, flags.max_unpacked_bytes};
  if (flags.manifest) {
    auto text = fs::read_regular_file(*flags.manifest, kMaxManifestBytes);
    if (!text) {
      ctx.fatal("--manifest: " + *flags.manifest + ": " + text.error());
      return kExitCannotRun;
    }
    options.manifest_text = std::move(*text);
    options.manifest_shown = *flags.manifest;
  } else if (auto text = manifest_in(*zoo->source); text) {
    options.manifest_text = std::move(*text);
  } else {
    options.manifest_unreadable = text.error();  // a finding: the zoo holds a bad manifest
  }
  if (flags.schema) {
    auto text = fs::read_regular_file(*flags.schema, kMaxSchemaBytes);
    if (!text) {
      ctx.fatal("--schema: " + *flags.schema + ": " + text.error());
      return kExitCannotRun;
    }
    options.schema_text = std::move(*text);
    options.schema_shown = *flags.schema;
  }
  auto table = zoo::feature_table_for(*zoo->source, flags.feature_tensors);
  if (!table) {
    ctx.fatal(table.error());
    return kExitCannotRun;
  }
  options.feature_tensors = std::move(*table);

  // The base revision: its manifest vouches for ports whose content is absent;
  // with --changed-since (or --staged) only what changed since it is compared.
  std::optional<git::OpenedZoo> base;
  const std::string base_rev = flags.changed_since.value_or("HEAD");
  if (zoo->in_repository) {
    auto opened = git::open_zoo({flags.repo, base_rev, false});
    if (opened) {
      base = std::move(*opened);
    } else if (flags.changed_since) {
      ctx.fatal("--changed-since: " + opened.error());
      return kExitCannotRun;
    }
  } else if (flags.changed_since) {
    ctx.fatal("--changed-since needs a git repository");
    return kExitCannotRun;
  }
  if (base) {
    options.base_name = base_rev;
    auto text = manifest_in(*base->source);
    if (text) options.base_manifest_text = std::move(*text);
    if (flags.changed_since || flags.staged) {
      auto changes = git::changed_paths(where, base_rev);
      if (!changes) {
        ctx.fatal(changes.error());
        return kExitCannotRun;
      }
      options.changes = std::move(*changes);
      options.base_source = base->source.get();
    }
  }

  auto report = validate::validate(*zoo->source, options);
  if (!report) {
    ctx.fatal(report.error());
    return kExitCannotRun;
  }
  if (flags.format == "json") {
    render_json(*report, ctx.out, ctx.err);
  } else if (flags.format == "github") {
    const std::string prefix = zoo->prefix;
    const std::string manifest_flag = flags.manifest.value_or("");
    render_github(*report, [&](const std::string& file) {
      if (!manifest_flag.empty() && file == manifest_flag) return file;
      return prefix.empty() ? file : prefix + "/" + file;
    }, ctx.out, ctx.err);
  } else {
    render_text(*report, ctx.err);
  }
  return report->findings.has_errors() ? kExitProblems : kExitClean;
}

}  // namespace

void register_validate(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ValidateFlags>();
  CLI::App* cmd = app.add_subcommand("validate", "Check ONNX_HUB_MANIFEST.json against its JSON Schema and the zoo's READMEs and files");
  cmd->add_option("--repo", flags->repo, "Zoo root (default: the enclosing git work tree, else .)");
  auto rev = cmd->add_option("--rev", flags->rev, "Validate the zoo at this commit, read without a checkout");
  auto staged = cmd->add_flag("--staged", flags->staged, "Validate the git index (GIT_INDEX_FILE when set), comparing only what changed since HEAD");
  rev->excludes(staged);
  cmd->add_option("--manifest", flags->manifest, "Validate this file instead of the zoo's ONNX_HUB_MANIFEST.json");
  cmd->add_option("--schema", flags->schema, "Use this JSON Schema (draft-07) instead of the built-in one");
  cmd->add_option("--changed-since", flags->changed_since, "Compare only the rows and files changed since this revision; ports of absent models are checked against its manifest");
  cmd->add_option("--format", flags->format, "Report form: text (stderr), json or github (stdout)")
      ->check(CLI::IsMember({"text", "json", "github"}));
  cmd->add_option("--discover", flags->discover, "How model READMEs are found")
      ->check(CLI::IsMember({"auto", "index", "tree"}));
  cmd->add_option("--feature-tensors", flags->feature_tensors,
                  "Feature-tensor table (JSON) instead of the zoo's .onnx-hub-manifest/feature_tensors.json or the built-in one");
  cmd->add_flag("--strict", flags->strict, "Treat warnings as errors");
  cmd->add_option("--max-entries", flags->max_entries, "Archive entries beyond which an archive is unsafe");
  cmd->add_option("--max-unpacked-bytes", flags->max_unpacked_bytes, "Unpacked bytes beyond which an archive is unsafe");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_validate(*flags, ctx); }; });
}

}  // namespace ohm::cli
