// Lists a hub's models, shows one and fetches it into a cache folder, with
// the calls of onnx-hub-manifest's app/hub.h.
//   hub_consumer --repo DIR|--manifest FILE|--hub SPEC MODEL CACHE
// Prints the models, the chosen entry and the fetched file's path; exits 1 on
// a problem (no such model, a sha mismatch), 2 when it cannot run.
#include <iostream>
#include <string>

#include "app/hub.h"

namespace {

// Findings that did not stop a call (entries left out of the manifest).
void print_findings(const ohm::Diagnostics& findings) {
  for (const ohm::Diagnostic& d : findings.all()) std::cerr << ohm::format_text(d) << "\n";
}

int fail(const ohm::Error& e) {
  std::cerr << "hub_consumer: " << (e.file.empty() ? "" : e.file + ": ") << e.message << "\n";
  return e.kind == ohm::ErrorKind::kProblem ? 1 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: hub_consumer --repo DIR|--manifest FILE|--hub SPEC MODEL CACHE\n";
    return 2;
  }
  const std::string flag = argv[1], where = argv[2], model = argv[3], cache = argv[4];

  ohm::app::HubRequest hub;
  if (flag == "--repo") {
    hub.source.repo = where;
  } else if (flag == "--manifest") {
    hub.source.manifest = where;
  } else if (flag == "--hub") {
    hub.source.hub = where;
  } else {
    std::cerr << "hub_consumer: unknown source " << flag << "\n";
    return 2;
  }
  ohm::Diagnostics findings;

  // onnx.hub.list_models(): every model (no name, no tags).
  ohm::Result<ohm::app::HubAnswer> all = ohm::app::list_models(hub, "", {}, findings);
  print_findings(findings);
  if (!all) return fail(all.failure());
  std::cout << all->entries.size() << " models in " << all->manifest_shown << "\n";
  for (const ohm::manifest::Entry& e : all->entries) {
    std::cout << "  " << e.model << " (opset " << e.opset_version << ") " << e.model_path << "\n";
  }

  // onnx.hub.get_model_info(model): the highest opset.
  ohm::Diagnostics info_findings;
  ohm::Result<ohm::app::HubAnswer> info = ohm::app::model_info(hub, model, std::nullopt, info_findings);
  if (!info) return fail(info.failure());
  const ohm::manifest::Entry& entry = info->entries.front();
  std::cout << "info: " << entry.model << " opset " << entry.opset_version << " sha " << entry.model_sha << " "
            << entry.model_bytes << " bytes\n";
  if (entry.io_ports) std::cout << "io_ports: " << entry.io_ports->dump() << "\n";

  // onnx.hub.load(model) without the loading: the file in the shared cache.
  ohm::app::FetchRequest fetch;
  fetch.hub = hub;
  fetch.model = model;
  fetch.cache = cache;  // "" for $ONNX_HOME/hub, $XDG_CACHE_HOME/onnx/hub or ~/.cache/onnx/hub
  fetch.trust = true;   // this program is told which hub to use: no question to ask
  ohm::Diagnostics fetch_findings;
  ohm::Result<ohm::app::FetchAnswer> fetched = ohm::app::fetch(fetch, fetch_findings);
  if (!fetched) return fail(fetched.failure());
  std::cout << (fetched->report.model_was_cached ? "cached: " : "fetched: ") << fetched->report.model_file << "\n";
  return 0;
}
