#include "manifest/entry.h"

namespace ohm::manifest {

Json to_json(const Entry& e) {
  Json meta = Json::object();
  meta["model_sha"] = e.model_sha;
  meta["model_bytes"] = e.model_bytes;
  meta["tags"] = e.tags;
  if (e.io_ports) meta["io_ports"] = *e.io_ports;
  if (e.extra_ports) meta["extra_ports"] = *e.extra_ports;
  if (e.model_with_data_path) meta["model_with_data_path"] = *e.model_with_data_path;
  if (e.model_with_data_sha) meta["model_with_data_sha"] = *e.model_with_data_sha;
  if (e.model_with_data_bytes) meta["model_with_data_bytes"] = *e.model_with_data_bytes;
  if (e.external_data) meta["external_data"] = *e.external_data;
  for (const auto& [key, value] : e.unknown_metadata.items()) meta[key] = value;

  Json out = Json::object();
  out["model"] = e.model;
  out["model_path"] = e.model_path;
  out["onnx_version"] = e.onnx_version;
  out["opset_version"] = e.opset_version;
  out["metadata"] = std::move(meta);
  return out;
}

bool same_entry(const Entry& a, const Entry& b) {
  return a.model == b.model && a.model_path == b.model_path && a.onnx_version == b.onnx_version &&
         a.opset_version == b.opset_version && a.model_sha == b.model_sha && a.model_bytes == b.model_bytes &&
         a.tags == b.tags && a.io_ports == b.io_ports && a.extra_ports == b.extra_ports &&
         a.model_with_data_path == b.model_with_data_path && a.model_with_data_sha == b.model_with_data_sha &&
         a.model_with_data_bytes == b.model_with_data_bytes && a.external_data == b.external_data &&
         a.unknown_metadata == b.unknown_metadata;
}

}  // namespace ohm::manifest
