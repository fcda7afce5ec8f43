// onnx-hub-manifest inspect: what SPEC 5 reads from one model (or from the
// models inside a .tar.gz, read as a stream and never unpacked).
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "archive/tarball.h"
#include "commands.h"
#include "exit_codes.h"
#include "fs/file_reader.h"
#include "hash/sha256.h"
#include "manifest/json_io.h"
#include "onnx/model_reader.h"

namespace ohm::cli {
namespace {

using manifest::Json;

struct InspectFlags {
  std::string file;
  std::string format = "json";
  std::uint64_t max_entries = archive::kDefaultMaxEntries;
  std::uint64_t max_unpacked_bytes = archive::kDefaultMaxUnpackedBytes;
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The inspect JSON of one model: sha, size and what the reader found.
Json model_json(const std::string& sha, std::uint64_t bytes, const onnx::ModelInfo& info) {
  Json j = Json::object();
  j["model_sha"] = sha;
  j["model_bytes"] = bytes;
  j["opset_version"] = info.opset ? Json(*info.opset) : Json(nullptr);
  j["ir_version"] = info.ir_version;
  j["producer_name"] = info.producer_name;
  j["producer_version"] = info.producer_version;
  Json imports = Json::array();
  for (const auto& [domain, version] : info.opset_imports) {
    Json imp = Json::object();
    imp["domain"] = domain;
    imp["version"] = version;
    imports.push_back(std::move(imp));
  }
  j["opset_imports"] = std::move(imports);
  j["io_ports"] = info.io_ports;
  return j;
}

// Finishes a reader; a failure is an error diagnostic and a null result.
Json finish_model(onnx::ModelReader& reader, const std::string& shown, const std::string& sha,
                  std::uint64_t bytes, Diagnostics& diags) {
  auto info = reader.finish(shown, {}, diags);
  if (!info) {
    diags.error(shown, 0, "model.unreadable", info.error());
    return nullptr;
  }
  if (info->uses_external_data) {
    diags.warning(shown, 0, "model.external-data",
                  "tensor data is kept in side files, which the hub does not download");
  }
  return model_json(sha, bytes, *info);
}

std::string shape_text(const Json& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) s += ", ";
    const Json& d = shape[i];
    s += d.is_null() ? "?" : d.is_string() ? d.get<std::string>() : d.dump();
  }
  return s + "]";
}

void print_model_text(std::ostream& out, const std::string& name, const Json& m, const std::string& indent) {
  out << indent << name << "\n";
  if (m.is_null()) {
    out << indent << "  (not readable)\n";
    return;
  }
  out << indent << "  sha256    " << m["model_sha"].get<std::string>() << "\n";
  out << indent << "  bytes     " << m["model_bytes"].dump() << "\n";
  out << indent << "  opset     " << m["opset_version"].dump() << "   (ir_version " << m["ir_version"].dump()
      << ")\n";
  out << indent << "  producer  " << m["producer_name"].get<std::string>() << " "
      << m["producer_version"].get<std::string>() << "\n";
  out << indent << "  imports  ";
  for (const Json& imp : m["opset_imports"]) {
    const std::string domain = imp["domain"].get<std::string>();
    out << " " << (domain.empty() ? "(default)" : domain) << " " << imp["version"].dump();
  }
  out << "\n";
  for (const char* side : {"inputs", "outputs"}) {
    out << indent << "  " << side << "\n";
    for (const Json& p : m["io_ports"][side]) {
      out << indent << "    " << p["name"].get<std::string>() << "  " << p["type"].get<std::string>() << "  "
          << shape_text(p["shape"]) << "\n";
    }
  }
}

int inspect_onnx(const InspectFlags& flags, Context& ctx) {
  Diagnostics diags;
  hash::Sha256 sha;
  onnx::ModelReader reader;
  auto streamed = fs::stream_regular_file(flags.file, [&](std::string_view chunk) {
    sha.update(chunk);
    reader.feed(chunk);
    return true;
  });
  if (!streamed) {
    ctx.fatal(streamed.error());
    return kExitCannotRun;
  }
  Json model = finish_model(reader, flags.file, sha.hex_digest(), *streamed, diags);
  if (!model.is_null()) {
    if (flags.format == "text") {
      print_model_text(ctx.out, flags.file, model, "");
    } else {
      ctx.out << manifest::dump_python_style(model) << "\n";
    }
  }
  return ctx.finish(diags, "inspect");
}

int inspect_tarball(const InspectFlags& flags, Context& ctx) {
  Diagnostics diags;
  std::vector<std::pair<std::string, std::unique_ptr<onnx::ModelReader>>> readers;
  archive::ReadOptions options;
  options.limits = {flags.max_entries, flags.max_unpacked_bytes};
  options.model_sink = [&readers](const archive::EntryInfo& entry) -> fs::ChunkSink {
    readers.emplace_back(entry.path, std::make_unique<onnx::ModelReader>());
    onnx::ModelReader* reader = readers.back().second.get();
    return [reader](std::string_view chunk) {
      reader->feed(chunk);
      return true;
    };
  };
  auto listing = archive::read_tarball(archive::stream_file(flags.file), options);
  if (!listing) {
    ctx.fatal(flags.file + ": " + listing.error());
    return kExitCannotRun;
  }
  archive::report_listing(*listing, flags.file, diags);

  Json out = Json::object();
  out["archive_sha"] = listing->sha256;
  out["archive_bytes"] = listing->bytes;
  Json entries = Json::array();
  for (const auto& e : listing->entries) {
    Json j = Json::object();
    j["path"] = e.path;
    j["kind"] = archive::describe(e.kind);
    j["size"] = e.size;
    if (!e.link_target.empty()) j["link_target"] = e.link_target;
    entries.push_back(std::move(j));
  }
  out["entries"] = std::move(entries);
  Json unsafe = Json::array();
  for (const auto& u : listing->unsafe) {
    Json j = Json::object();
    j["path"] = u.path;
    j["reason"] = u.reason;
    unsafe.push_back(std::move(j));
  }
  out["unsafe"] = std::move(unsafe);
  out["test_data_sets"] = listing->test_data_sets;
  Json models = Json::array();
  for (auto& [path, reader] : readers) {
    std::string sha;
    std::uint64_t bytes = 0;
    for (const auto& e : listing->entries) {
      if (e.path == path) {
        sha = e.sha256;
        bytes = e.size;
      }
    }
    Json m = Json::object();
    m["path"] = path;
    Json inspected = finish_model(*reader, flags.file + ":" + path, sha, bytes, diags);
    if (inspected.is_null()) continue;
    for (auto& [key, value] : inspected.items()) m[key] = value;
    models.push_back(std::move(m));
  }
  out["models"] = std::move(models);

  if (flags.format == "text") {
    ctx.out << flags.file << "\n  sha256    " << listing->sha256 << "\n  bytes     " << listing->bytes << "\n  entries   "
            << listing->entries.size() << " (" << listing->unsafe.size() << " unsafe)\n";
    for (const auto& u : listing->unsafe) ctx.out << "    unsafe: " << u.path << ": " << u.reason << "\n";
    for (const auto& t : listing->test_data_sets) ctx.out << "  test data " << t << "\n";
    for (const Json& m : out["models"]) print_model_text(ctx.out, m["path"].get<std::string>(), m, "  ");
  } else {
    ctx.out << manifest::dump_python_style(out) << "\n";
  }
  return ctx.finish(diags, "inspect");
}

int run_inspect(const InspectFlags& flags, Context& ctx) {
  return ends_with(flags.file, ".tar.gz") || ends_with(flags.file, ".tgz") ? inspect_tarball(flags, ctx)
                                                                          : inspect_onnx(flags, ctx);
}

}  // namespace

void register_inspect(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<InspectFlags>();
  CLI::App* cmd = app.add_subcommand(
      "inspect", "Print a model's sha, opset and io_ports as the manifest would record them (.onnx or .tar.gz)");
  cmd->add_option("FILE", flags->file, "An .onnx model, or a .tar.gz holding one (read as a stream, never unpacked)")
      ->required();
  cmd->add_option("--format", flags->format, "json (Python json.dumps indent=4 formatting) or text")
      ->check(CLI::IsMember({"json", "text"}));
  cmd->add_option("--max-entries", flags->max_entries, "Most entries a .tar.gz may hold (default 100000)");
  cmd->add_option("--max-unpacked-bytes", flags->max_unpacked_bytes,
                  "Most bytes a .tar.gz may unpack to (default 16 GiB)");
  cmd->callback([flags, &ctx] { ctx.run = [flags, &ctx] { return run_inspect(*flags, ctx); }; });
}

}  // namespace ohm::cli
