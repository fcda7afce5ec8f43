// onnx-hub-manifest cache dir|list|verify|prune: see, re-hash and clean the
// hub cache shared with onnx.hub (SPEC 9), as `hf cache scan|delete` do.
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "app/cache.h"
#include "cache_render.h"
#include "commands.h"
#include "core/units.h"
#include "exit_codes.h"
#include "manifest/json_io.h"
#include "output_flags.h"
#include "progress_line.h"
#include "report_format.h"

namespace ohm::cli {
namespace {

struct CacheFlags {
  app::CacheRequest where;
  OutputFlags out;
  bool no_hash = false;                      // list
  bool fix = false;                          // verify
  std::optional<double> older_than_days;     // prune
  std::optional<std::string> keep_manifest;  // prune
  bool yes = false;                          // prune
};

int run_dir(const CacheFlags& flags, Context& ctx) {
  auto answer = app::cache_dir(flags.where);
  Diagnostics none;
  if (!answer) return ctx.fail(answer.failure(), none, "cache dir");
  const hub::CacheRoot& root = answer->root;
  if (flags.out.format == "json") {
    manifest::Json j = manifest::Json::object();
    j["root"] = root.path;
    j["variable"] = root.variable;
    j["why"] = root.why;
    j["exists"] = answer->exists;
    ctx.out << manifest::dump_python_style(j) << '\n';
  } else {
    ctx.out << root.path << '\n';
  }
  if (!ctx.quiet)
    ctx.err << "cache dir: " << root.why << (answer->exists ? "" : "; nothing is cached there yet") << '\n';
  return kExitClean;
}

int run_list(const CacheFlags& flags, Context& ctx) {
  app::CacheListRequest request{flags.where, !flags.no_hash, nullptr};
  ProgressLine progress(ctx.err, ctx.err_is_terminal && !ctx.quiet, "files");
  request.on_progress = [&progress](const zoo::Progress& p) { progress.update(p); };
  auto listing = app::cache_list(request);
  progress.finish();
  Diagnostics none;
  if (!listing) return ctx.fail(listing.failure(), none, "cache list");
  if (flags.out.format == "json") {
    ctx.out << manifest::dump_python_style(cache_listing_json(*listing)) << '\n';
  } else if (!listing->rows.empty()) {
    print_cache_table(ctx.out, *listing);
  }
  if (!ctx.quiet) ctx.err << "cache list: " << cache_summary(*listing) << '\n';
  return kExitClean;
}

int run_verify(const CacheFlags& flags, Context& ctx) {
  app::CacheVerifyRequest request{flags.where, flags.fix, nullptr};
  ProgressLine progress(ctx.err, ctx.err_is_terminal && !ctx.quiet, "files");
  request.on_progress = [&progress](const zoo::Progress& p) { progress.update(p); };
  auto outcome = app::cache_verify(request);
  progress.finish();
  Diagnostics none;
  if (!outcome) return ctx.fail(outcome.failure(), none, "cache verify");
  const Diagnostics& findings = outcome->findings;
  if (flags.out.format == "json") {
    manifest::Json summary = manifest::Json::object();
    summary["errors"] = findings.error_count();
    summary["warnings"] = findings.warning_count();
    summary["files_checked"] = outcome->files_checked;
    summary["data_folders_checked"] = outcome->folders_checked;
    summary["bytes_checked"] = outcome->bytes_checked;
    manifest::Json doc = manifest::Json::object();
    doc["root"] = outcome->listing.root;
    doc["findings"] = findings_json(findings);
    doc["removed"] = outcome->removed;
    doc["summary"] = std::move(summary);
    ctx.out << manifest::dump_python_style(doc) << '\n';
  } else {
    ctx.print_findings(findings);
    for (const std::string& path : outcome->removed) ctx.out << "removed " << path << '\n';
  }
  if (!ctx.quiet || !findings.all().empty()) {
    std::string line = "cache verify: " + std::to_string(outcome->files_checked) +
                       (outcome->files_checked == 1 ? " file (" : " files (") + format_bytes(outcome->bytes_checked) +
                       "), " + std::to_string(outcome->folders_checked) +
                       (outcome->folders_checked == 1 ? " data folder" : " data folders") + " in " +
                       outcome->listing.root;
    ctx.print_summary(line + ": " + count_summary(findings.error_count(), findings.warning_count()), findings);
  }
  return findings.has_errors() ? kExitProblems : kExitClean;
}

int run_prune(const CacheFlags& flags, Context& ctx) {
  app::CachePruneRequest request;
  request.where = flags.where;
  request.older_than_days = flags.older_than_days;
  request.keep_manifest = flags.keep_manifest;
  request.yes = flags.yes;
  auto outcome = app::cache_prune(request);
  Diagnostics none;
  if (!outcome) return ctx.fail(outcome.failure(), none, "cache prune");
  const std::string verb = outcome->removed ? "removed" : "would remove";
  if (flags.out.format == "json") {
    manifest::Json items = manifest::Json::array();
    for (const app::PruneChoice& c : outcome->chosen) items.push_back(prune_choice_json(outcome->root, c));
    manifest::Json doc = manifest::Json::object();
    doc["root"] = outcome->root;
    doc["dry_run"] = !outcome->removed;
    doc["items"] = std::move(items);
    doc["bytes"] = outcome->bytes;
    doc["findings"] = findings_json(outcome->findings);
    ctx.out << manifest::dump_python_style(doc) << '\n';
  } else {
    ctx.print_findings(outcome->findings);
    for (const app::PruneChoice& c : outcome->chosen) {
      ctx.out << verb << ' ' << outcome->root << '/' << c.item.rel << " ("
              << format_bytes(c.item.bytes + c.item.data_bytes) << ", " << c.reason << ")\n";
    }
  }
  if (ctx.quiet) return kExitClean;
  std::string line = "cache prune: ";
  if (outcome->chosen.empty()) {
    line += "nothing to remove";
  } else {
    line += verb + " " + std::to_string(outcome->chosen.size()) + (outcome->chosen.size() == 1 ? " item" : " items") +
            " (" + format_bytes(outcome->bytes) + ")";
    if (!outcome->removed) line += "; pass --yes to remove them";
  }
  if (!flags.older_than_days && !flags.keep_manifest) {
    line +=
        " (only unfinished writes and orphans were looked for: choose more with --older-than DAYS or --keep-manifest "
        "FILE)";
  }
  ctx.err << line << '\n';
  return kExitClean;
}

// One verb of `cache`, with the flags every verb shares.
CLI::App* add_verb(CLI::App& cache, const std::string& name, const std::string& help,
                   const std::shared_ptr<CacheFlags>& flags, Context& ctx, int (*run)(const CacheFlags&, Context&),
                   const std::string& format_help) {
  CLI::App* verb = cache.add_subcommand(name, help);
  verb->add_option("--cache", flags->where.cache,
                   "The cache folder (default: $ONNX_HOME/hub, $XDG_CACHE_HOME/onnx/hub or ~/.cache/onnx/hub)")
      ->type_name("DIR");
  add_output_flags(*verb, flags->out, {"text", "json"}, format_help);
  verb->callback([flags, &ctx, run] {
    ctx.run = [flags, &ctx, run] {
      apply_output_flags(flags->out, ctx);
      return run(*flags, ctx);
    };
  });
  return verb;
}

}  // namespace

void register_cache(CLI::App& app, Context& ctx) {
  CLI::App* cache = app.add_subcommand(
      "cache", "See, verify and clean the hub cache shared with onnx.hub (dir, list, verify, prune)");
  cache->require_subcommand(1);
  add_version_flag(*cache);
  auto flags = std::make_shared<CacheFlags>();
  add_verb(*cache, "dir", "Print the cache folder, and (on stderr) which variable or default chose it", flags, ctx,
           run_dir, "text (the folder) or json (folder, variable, reason)");
  CLI::App* list = add_verb(*cache, "list",
                            "List cached models and archives: hub path, size, whether the sha matches the name, "
                            "unpacked data",
                            flags, ctx, run_list, "text (a table) or json");
  list->add_flag("--no-hash", flags->no_hash, "Do not re-hash: names and sizes only (fast)");
  CLI::App* verify = add_verb(
      *cache, "verify", "Re-hash every cached file and compare each data folder with its archive; exit 1 on a mismatch",
      flags, ctx, run_verify, "text (findings on stderr) or json");
  verify->add_flag("--fix", flags->fix, "Remove files whose sha differs from their name, and data folders that differ");
  CLI::App* prune = add_verb(*cache, "prune",
                             "Remove unfinished writes and, as chosen, old or unlisted models (a dry run unless --yes)",
                             flags, ctx, run_prune, "text or json (what is or would be removed)");
  prune->add_option("--older-than", flags->older_than_days, "Choose models and archives placed more than DAYS ago")
      ->type_name("DAYS")
      ->check(CLI::Range(0.0, 1e6).description(""));
  prune
      ->add_option("--keep-manifest", flags->keep_manifest,
                   "Choose everything this manifest does not name (with --older-than: only the old ones)")
      ->type_name("FILE");
  prune->add_flag("-y,--yes", flags->yes, "Remove what was chosen (otherwise only say what would go)");
}

}  // namespace ohm::cli
