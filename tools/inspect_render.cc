#include "inspect_render.h"

#include <algorithm>
#include <ostream>

#include "core/text.h"
#include "core/units.h"
#include "manifest/ports_json.h"

namespace ohm::cli {
namespace {

using manifest::Json;

Json model_json(const app::InspectedModel& m) {
  const onnx::ModelInfo& info = m.info;
  Json j = Json::object();
  j["model_sha"] = m.sha;
  j["model_bytes"] = m.bytes;
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
  j["io_ports"] = manifest::to_json(info.io_ports);
  if (info.checker) {
    const onnx::CheckerVerdict& v = *info.checker;
    Json checker = Json::object();
    if (v.undecided.empty()) {
      checker["passed"] = v.passed;
      if (v.crashed) checker["crashed"] = true;
      checker["message"] = v.message.substr(0, v.message.find('\n'));
    } else {
      checker["passed"] = nullptr;  // could not be decided without the payloads
      checker["message"] = v.undecided;
    }
    j["checker"] = std::move(checker);
  }
  j["tensor_size_faults"] = info.tensor_size_fault_count;
  if (!m.external_data.empty()) {
    // Grouped by file, tensors in file order.
    Json files = Json::array();
    for (const onnx::ExternalDataRef& ref : m.external_data) {
      auto it = std::find_if(files.begin(), files.end(), [&](const Json& f) { return f["location"] == ref.location; });
      if (it == files.end()) {
        Json f = Json::object();
        f["location"] = ref.location;
        f["tensors"] = Json::array();
        files.push_back(std::move(f));
        it = files.end() - 1;
      }
      Json t = Json::object();
      t["name"] = ref.tensor;
      t["offset"] = ref.offset.value_or(0);
      t["length"] = ref.length ? Json(*ref.length) : Json(nullptr);  // null: to the end of the file
      if (!ref.bad_number.empty()) t["problem"] = ref.bad_number;
      (*it)["tensors"].push_back(std::move(t));
    }
    j["external_data"] = std::move(files);
  }
  return j;
}

// "812", or "41943040 (40.0 MiB)" from 1 KiB up.
std::string bytes_text(std::uint64_t bytes) {
  std::string text = std::to_string(bytes);
  if (bytes >= 1024) text += " (" + format_bytes(bytes) + ")";
  return text;
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
  out << indent << escape_control(name) << "\n";
  out << indent << "  sha256    " << m["model_sha"].get<std::string>() << "\n";
  out << indent << "  bytes     " << bytes_text(m["model_bytes"].get<std::uint64_t>()) << "\n";
  out << indent << "  opset     " << m["opset_version"].dump() << "   (ir_version " << m["ir_version"].dump() << ")\n";
  const std::string version = m["producer_version"].get<std::string>();
  out << indent << "  producer  " << escape_control(m["producer_name"].get<std::string>())
      << (version.empty() ? "" : " " + escape_control(version)) << "\n";
  out << indent << "  imports  ";
  for (const Json& imp : m["opset_imports"]) {
    const std::string domain = imp["domain"].get<std::string>();
    out << " " << (domain.empty() ? "(default)" : escape_control(domain)) << " " << imp["version"].dump();
  }
  out << "\n";
  if (m.contains("checker")) {
    const Json& c = m["checker"];
    out << indent << "  checker   "
        << (c["passed"].is_null()     ? "undecided"
            : c["passed"].get<bool>() ? "passed"
            : c.contains("crashed")   ? "crashed"
                                      : "refused")
        << "  " << escape_control(c["message"].get<std::string>()) << "\n";
  }
  if (m.contains("external_data")) {
    out << indent << "  external data\n";
    for (const Json& f : m["external_data"]) {
      out << indent << "    " << escape_control(f["location"].get<std::string>()) << "\n";
      for (const Json& t : f["tensors"]) {
        const std::uint64_t offset = t["offset"].get<std::uint64_t>();
        out << indent << "      " << escape_control(t["name"].get<std::string>()) << "  bytes " << offset << ".."
            << (t["length"].is_null() ? std::string("end") : std::to_string(offset + t["length"].get<std::uint64_t>()))
            << (t.contains("problem") ? "  (" + escape_control(t["problem"].get<std::string>()) + ")" : "") << "\n";
      }
    }
  }
  for (const char* side : {"inputs", "outputs"}) {
    out << indent << "  " << side << "\n";
    for (const Json& p : m["io_ports"][side]) {
      out << indent << "    " << escape_control(p["name"].get<std::string>()) << "  "
          << escape_control(p["type"].get<std::string>()) << "  " << escape_control(shape_text(p["shape"])) << "\n";
    }
  }
}

}  // namespace

Json inspect_json(const app::InspectOutcome& outcome) {
  if (outcome.content_missing) {
    // What the pointer records, and that the rest could not be read.
    Json j = Json::object();
    j[outcome.is_archive ? "archive_sha" : "model_sha"] = outcome.pointer->oid;
    j[outcome.is_archive ? "archive_bytes" : "model_bytes"] = outcome.pointer->size;
    j["lfs_pointer"] = true;
    j["content_here"] = false;
    return j;
  }
  if (!outcome.is_archive) {
    if (outcome.models.empty()) return Json(nullptr);
    Json j = model_json(outcome.models.front());
    if (outcome.pointer) j["lfs_pointer"] = true;
    return j;
  }
  const archive::Listing& listing = *outcome.listing;
  Json out = Json::object();
  out["archive_sha"] = listing.sha256;
  out["archive_bytes"] = listing.bytes;
  Json entries = Json::array();
  for (const auto& e : listing.entries) {
    Json j = Json::object();
    j["path"] = e.path;
    j["kind"] = archive::describe(e.kind);
    j["size"] = e.size;
    if (!e.link_target.empty()) j["link_target"] = e.link_target;
    entries.push_back(std::move(j));
  }
  out["entries"] = std::move(entries);
  Json unsafe = Json::array();
  for (const auto& u : listing.unsafe) {
    Json j = Json::object();
    j["path"] = u.path;
    j["reason"] = u.reason;
    unsafe.push_back(std::move(j));
  }
  out["unsafe"] = std::move(unsafe);
  out["test_data_sets"] = listing.test_data_sets;
  Json models = Json::array();
  for (const app::InspectedModel& m : outcome.models) {
    Json j = Json::object();
    j["path"] = m.path;
    const Json fields = model_json(m);
    for (const auto& [key, value] : fields.items()) j[key] = value;
    models.push_back(std::move(j));
  }
  out["models"] = std::move(models);
  if (outcome.pointer) out["lfs_pointer"] = true;
  return out;
}

void print_inspect_text(std::ostream& out, const std::string& file, const app::InspectOutcome& outcome) {
  if (outcome.content_missing) {
    out << escape_control(file) << "\n  Git LFS pointer; its content is not here\n  sha256    " << outcome.pointer->oid
        << "\n  bytes     " << bytes_text(outcome.pointer->size) << "\n";
    return;
  }
  const Json j = inspect_json(outcome);
  const char* kFromStore = "  content   from the LFS store (the file is a Git LFS pointer)\n";
  if (!outcome.is_archive) {
    if (!j.is_null()) print_model_text(out, file, j, "");
    if (!j.is_null() && outcome.pointer) out << kFromStore;
    return;
  }
  const archive::Listing& listing = *outcome.listing;
  out << escape_control(file) << "\n  sha256    " << listing.sha256 << "\n  bytes     " << bytes_text(listing.bytes)
      << "\n  entries   " << listing.entries.size() << " (" << listing.unsafe.size() << " unsafe)\n";
  if (outcome.pointer) out << kFromStore;
  for (const auto& u : listing.unsafe) out << "    unsafe: " << escape_control(u.path) << ": " << u.reason << "\n";
  for (const auto& t : listing.test_data_sets) out << "  test data " << escape_control(t) << "\n";
  for (const Json& m : j["models"]) print_model_text(out, m["path"].get<std::string>(), m, "  ");
}

}  // namespace ohm::cli
