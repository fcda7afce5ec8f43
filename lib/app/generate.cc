#include "app/generate.h"

#include "app/report_paths.h"
#include "app/shard_part.h"
#include "core/checks.h"
#include "core/parallel.h"
#include "fs/atomic_file.h"
#include "git/text_diff.h"
#include "manifest/entry_changes.h"
#include "manifest/json_io.h"
#include "zoo/changed_since.h"
#include "zoo/counting_source.h"
#include "zoo/discovery.h"
#include "zoo/feature_tensors.h"
#include "zoo/manifest_at.h"

namespace ohm::app {
namespace {

using manifest::kManifestName;
using manifest::kMaxManifestBytes;

// The zoo's manifest as generate sees it (SPEC 6): entries that lack SPEC 1's
// form are replaced, and said so. A manifest that cannot be read at all is
// reported by previous_entries(), which knows what stands in for it.
zoo::ZooManifest previous_manifest(const zoo::Source& source, Diagnostics& findings) {
  zoo::ZooManifest at = zoo::read_zoo_manifest(source, true);
  for (Diagnostic d : at.entry_problems.take()) {
    d.severity = Severity::kWarning;
    d.message += "; it is not kept";
    findings.add(std::move(d));
  }
  return at;
}

// The entries of --reuse FILE; fails (exit 2) when it cannot be read or is not a manifest.
Result<std::vector<manifest::Entry>> read_reuse_file(const std::string& path, Diagnostics& findings) {
  auto text = fs::read_regular_file(path, kMaxManifestBytes);
  if (!text) return with_prefix(text.failure(), "--reuse: ");
  auto parsed = manifest::parse_manifest(*text, path, findings);
  if (!parsed) return cannot_run("--reuse: " + parsed.error());
  return std::move(*parsed);
}

// What --check compares with: the manifest at the source, or the -o file.
// The source's is not copied (the hook's case: 11 MB for 10,000 models);
// the -o file is read into `storage`.
std::string_view checked_text(const GenerateRequest& request, const zoo::ZooManifest& at, std::string& storage) {
  if (request.output.empty() || request.output == "-") return at.text ? std::string_view(*at.text) : std::string_view();
  auto other = fs::read_regular_file(request.output, kMaxManifestBytes);
  if (other) storage = std::move(*other);
  return storage;
}

// How findings about the zoo as a whole name it: the folder given, or ".".
std::string zoo_root_shown(const GenerateRequest& request) {
  return request.where.repo_dir.empty() ? std::string(".") : request.where.repo_dir;
}

// The base revision (SPEC 6: HEAD for the work tree and the index, BASE with
// --changed-since), when the zoo is in a repository that has it.
Result<std::optional<git::OpenedZoo>> open_base(const GenerateRequest& request, const git::OpenedZoo& zoo) {
  if (!zoo.in_repository) {
    if (request.changed_since) {
      return cannot_run("--changed-since needs a git repository: " +
                        (request.where.repo_dir.empty() ? std::string("current folder") : request.where.repo_dir) +
                        " is not inside a git repository");
    }
    return std::optional<git::OpenedZoo>();
  }
  // A commit read with --rev is its own authority unless --changed-since names a base.
  if (request.where.rev && !request.changed_since) return std::optional<git::OpenedZoo>();
  const std::string rev = request.changed_since.value_or("HEAD");
  Result<git::OpenedZoo> base = git::open_zoo({request.where.repo_dir, rev, false});
  if (!base) {
    if (request.changed_since) return base.failure();
    return std::optional<git::OpenedZoo>();  // no commit yet: no base
  }
  return std::optional<git::OpenedZoo>(std::move(*base));
}

// Whether the hook's `--check --staged` compares with HEAD when HEAD has a
// readable manifest (changed_since_for).
bool hook_compares_with_head(const GenerateRequest& request) {
  const bool plain =
      !request.recompute_ports && !request.no_reuse && !request.reuse_file && request.feature_tensors.empty();
  return request.check && request.where.staged && plain && !request.changed_since;
}

// The base --changed-since compares with: the one given, or HEAD for the hook's
// `--check --staged` (SPEC 7: the hook reports what `validate --changed-since
// HEAD` would on the commit being made), which then reads only what the commit
// changes. That needs a manifest at HEAD to trust for the rest: without one,
// or with an option that asks for more (other ports, another previous manifest
// or feature table), the whole index is checked.
std::optional<std::string> changed_since_for(const GenerateRequest& request, const zoo::ZooManifest* base) {
  if (request.changed_since) return request.changed_since;
  const bool base_readable = base != nullptr && base->entries.has_value();
  if (hook_compares_with_head(request) && base_readable) return std::string("HEAD");
  return std::nullopt;
}

// --check, --staged and --changed-since compare with or keep the base: it, not
// the manifest under check, gives previous entries.
bool base_is_authority(const GenerateRequest& request) {
  return request.check || request.where.staged || request.changed_since;
}

// Which manifest gives previous entries and ports (SPEC 6): --reuse FILE; the
// base's for --check, --staged and --changed-since (never the manifest under
// check); else the one at the source, or the base's when that one is broken.
// nullopt: none can be read although the zoo has a manifest (ports would be lost).
// Borrowed, never copied: `at` and `base` outlive the run.
std::optional<zoo::SharedEntries> previous_entries(const GenerateRequest& request, const zoo::ZooManifest& at,
                                                   const zoo::ZooManifest* base, Diagnostics& findings) {
  const bool base_readable = base != nullptr && base->entries.has_value();
  const std::string from_base = base_readable ? "previous entries and ports come from the manifest at HEAD"
                                              : "no previous entries or ports are reused";
  if (at.unreadable)
    findings.warning(kManifestName, 0, check::kManifestUnreadable, at.unreadable->message + "; " + from_base);
  if (at.invalid) findings.warning(kManifestName, 0, check::kManifestInvalid, at.invalid->message + "; " + from_base);
  if (base_is_authority(request) && base_readable) return zoo::SharedEntries::borrowed(*base->entries);
  if (at.entries) return zoo::SharedEntries::borrowed(*at.entries);
  if (!at.present) return zoo::SharedEntries();
  if (base_readable) return zoo::SharedEntries::borrowed(*base->entries);
  return std::nullopt;
}

// The base's manifest, parsed only when previous_entries() or --changed-since
// will look at it, and not read or parsed again when it is the source's (the
// hook's usual case: the staged manifest is HEAD's blob).
const zoo::ZooManifest* base_manifest_for(const GenerateRequest& request, const zoo::ZooManifest& at,
                                          const std::optional<git::OpenedZoo>& base,
                                          std::optional<zoo::ZooManifest>& storage) {
  if (!base) return nullptr;
  const bool needed = request.changed_since || (!request.reuse_file && (base_is_authority(request) || !at.entries));
  if (!needed) return nullptr;
  if (at.entries && zoo::same_manifest_as(at.object_id, at.text, *base->source)) return &at;
  storage = zoo::read_zoo_manifest(*base->source, false);
  if (storage->text && at.text && *storage->text == *at.text && at.entries) return &at;
  zoo::parse_zoo_manifest(*storage, &at);  // the entries `at` has unchanged are copied
  return &*storage;
}

// --changed-since's diff, started before the zoo is even opened, so that it
// runs while the repository, its index and the manifests are read (the
// hook's with HEAD too, unused when HEAD turns out to have no manifest).
// Outside a repository it fails, unused: open_base says why.
struct EarlyDiff {
  std::optional<std::string> base;
  std::optional<std::future<Result<zoo::ChangeSet>>> changes;

  explicit EarlyDiff(const GenerateRequest& request) {
    base = request.changed_since;
    if (hook_compares_with_head(request)) base = "HEAD";
    if (base) changes = git::start_changed_paths(request.where, *base);
  }
};

// generate on the zoo `opened`; findings name zoo-relative paths.
Result<GenerateOutcome> generate_at(const GenerateRequest& request, const git::OpenedZoo& zoo, EarlyDiff& early) {
  zoo::CountingSource source(*zoo.source);
  GenerateOutcome out;
  zoo::GenerateOptions options;
  options.discover = request.discover;
  options.reuse = !request.no_reuse;
  options.recompute_ports = request.recompute_ports;
  options.on_progress = request.on_progress;
  options.jobs = request.jobs == 0 ? default_jobs() : request.jobs;
  options.shard = request.shard;
  // The zoo's CI checks, as warnings: the entry is still written (SPEC 7).
  options.check_models = true;
  options.full_check = request.full_check;
  options.read_archives = true;
  auto features = zoo::feature_table_for(source, request.feature_tensors);
  if (!features) return features.failure();
  options.feature_tensors = std::move(*features);

  // A whole run's reading of its READMEs runs while the manifests are read
  // (not the hook's, which reads only those the commit changes when HEAD has
  // a manifest), as the diff does (EarlyDiff).
  zoo::ReadmeSet readmes(source);
  if (!request.changed_since && !(request.check && request.where.staged))
    zoo::read_discovered_ahead(readmes, request.discover, options.jobs);

  // The manifest at the source (compared by --check, kept by --changed-since),
  // the base revision's, and the previous one for reuse.
  zoo::ZooManifest at = previous_manifest(source, out.findings);
  auto base = open_base(request, zoo);
  if (!base) return base.failure();
  std::optional<zoo::ZooManifest> base_storage;
  const zoo::ZooManifest* base_manifest = base_manifest_for(request, at, *base, base_storage);
  if (request.reuse_file) {
    auto other = read_reuse_file(*request.reuse_file, out.findings);
    if (!other) return other.failure();
    options.previous = std::move(*other);
  } else if (auto previous = previous_entries(request, at, base_manifest, out.findings)) {
    options.previous = std::move(*previous);
  } else if (!request.no_reuse && !request.check) {
    out.findings.error(
        kManifestName, 0, check::kManifestNotWritten,
        "nothing written: the manifest cannot be read and no committed manifest gives its entries and "
        "ports, which a new one would drop; repair it, or pass --no-reuse to build it from the files alone");
    out.nothing_to_write = true;
    return out;
  }

  zoo::GenerateResult result;
  out.since = changed_since_for(request, base_manifest);
  if (out.since) {
    // Every entry not rebuilt is kept from the target's manifest, and what the
    // manifest changed by itself since BASE is built again too. With no
    // readable manifest at the target there is nothing to keep, and with none
    // at BASE nothing vouches for the rows that did not change (validate's
    // rule): then the whole zoo is built. The manifest's own changes are
    // found while the diff may still run.
    const bool base_readable = base_manifest && base_manifest->entries;
    const bool keeps = at.entries && base_readable;
    const std::vector<std::string> own_changes =
        keeps ? zoo::manifest_changes(*at.entries, *base_manifest->entries) : std::vector<std::string>();
    // The root READMEs both sides' discovery reads, read while the diff runs.
    zoo::ReadmeSet base_readmes(*(*base)->source);
    if (keeps) {
      readmes.get(zoo::kRootReadme);
      base_readmes.get(zoo::kRootReadme);
    }
    auto changes =
        early.changes && early.base == out.since ? early.changes->get() : git::changed_paths(request.where, *out.since);
    if (!changes) return changes.failure();
    if (!at.entries || !base_readable) out.since.reset();
    result = out.since ? zoo::generate_changed_since(readmes, base_readmes, zoo::with_paths(*changes, own_changes),
                                                     std::move(*at.entries), options, out.findings,
                                                     zoo::writer_texts_of(at), false)
                       : zoo::generate(readmes, options, out.findings);
  } else {
    result = zoo::generate(readmes, options, out.findings);
  }
  out.text = manifest::write_manifest_spliced(
      result.entries.size(), [&result](std::size_t i) -> const manifest::Entry& { return result.entries[i].entry; },
      [&result](std::size_t i) { return result.entries[i].writer_text; });
  out.entries = result.entries.size();
  out.readmes = result.readmes.size();
  out.bytes_read = source.bytes_read();
  if (result.discovery_failed) {
    out.nothing_to_write = true;
    return out;
  }
  if (result.all_readmes && result.all_readmes->empty()) {
    out.findings.error(zoo_root_shown(request), 0, check::kZooEmpty,
                       "no model README found (a README.md with a Model, Download, ONNX version and Opset version "
                       "table): nothing written");
    out.nothing_to_write = true;
    return out;
  }
  if (request.check) {
    std::string read_text;
    const std::string_view old_text = checked_text(request, at, read_text);
    out.diff = git::unified_diff(old_text, out.text, kManifestName, kManifestName);
    if (!out.diff.empty()) {
      Diagnostics not_a_manifest;  // the diff says it all then
      auto before = manifest::parse_manifest(old_text, kManifestName, not_a_manifest);
      if (before) {
        out.changes = manifest::entry_changes(*before, zoo::entries_of(result));
        if (out.changes.empty()) {
          out.changes.push_back(
              "no entry differs, only the file's bytes: generate writes Python's "
              "json.dumps(entries, indent=4)");
        }
      }
    }
    if (!out.diff.empty()) {
      out.findings.error(request.output.empty() || request.output == "-" ? kManifestName : request.output, 0,
                         check::kManifestStale,
                         "the manifest differs from what generate would write; run onnx-hub-manifest generate");
    }
    return out;
  }
  if (request.output == "-") return out;
  const std::string target = request.output.empty() ? zoo.root_on_disk + "/" + kManifestName : request.output;
  // A manifest already up to date is left untouched (the fixer hook's usual case).
  Result<bool> written = fs::write_file_if_changed(target, out.text);
  if (!written) {
    out.write_error = written.failure();
    return out;
  }
  out.target = target;
  out.unchanged = !*written;
  if (request.shard) {
    // Which part this is, beside it (never inside the manifest): merge checks it.
    const ShardPart part{*request.shard, zoo.revision, out.entries};
    if (auto side = fs::write_file_atomically(shard_part_path(target), shard_part_text(part)); !side) {
      out.write_error = side.failure();
    } else {
      out.shard_file = shard_part_path(target);
    }
  }
  return out;
}

}  // namespace

Result<GenerateOutcome> generate(const GenerateRequest& request) {
  if (request.shard) {
    if (request.check || request.changed_since) {
      return cannot_run(std::string("--shard writes a part of the manifest for merge; it does not go with ") +
                        (request.check ? "--check" : "--changed-since"));
    }
    if (request.output.empty() || request.output == "-") {
      return cannot_run("--shard writes a part of the manifest, never the zoo's: name the part with -o FILE");
    }
  }
  if (request.where.rev && request.output.empty() && !request.check) {
    return cannot_run("--rev reads a commit, which has no manifest file to replace: name the output with -o FILE");
  }
  EarlyDiff early(request);
  Result<git::OpenedZoo> zoo = git::open_zoo(request.where);
  if (!zoo) return zoo.failure();
  Result<GenerateOutcome> out = generate_at(request, *zoo, early);
  if (out) {
    std::set<std::string> as_given;
    if (!request.output.empty()) as_given.insert(request.output);
    as_given.insert(zoo_root_shown(request));
    if (request.reuse_file) as_given.insert(*request.reuse_file);
    out->findings.sort_by_location();
    name_repository_paths(out->findings, *zoo->source, as_given);
  }
  return out;
}

}  // namespace ohm::app
