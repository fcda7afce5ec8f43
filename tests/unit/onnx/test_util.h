#pragma once
// Helpers shared by the lib/onnx tests: fixture paths and feeding bytes to a
// ModelReader in chunks of a chosen size.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "fs/file_reader.h"
#include "manifest/ports_json.h"
#include "onnx/model_reader.h"

namespace ohm::onnx::test {

inline std::string fixture_path(const std::string& name) {
  return std::string(OHM_ONNX_FIXTURES) + "/" + name + ".onnx";
}

inline std::string read_fixture(const std::string& name) {
  auto bytes = fs::read_regular_file(fixture_path(name), 64u << 20);
  return bytes ? *bytes : std::string();
}

// The io_ports JSON the manifest would hold for `info`.
inline manifest::Json ports_json(const ModelInfo& info) { return manifest::to_json(info.io_ports); }

// Ends `reader`; its warnings go to `diags` as findings about "model.onnx".
inline Result<ModelInfo> finish_into(ModelReader& reader, Diagnostics& diags,
                                     const std::vector<std::string>& features = {}) {
  Result<ModelInfo> info = reader.finish(features);
  if (info) {
    for (const ModelWarning& w : info->warnings) diags.warning("model.onnx", 0, w.code, w.message);
  }
  return info;
}

// Feeds `bytes` in chunks of `chunk` bytes (0: one chunk) and finishes.
inline Result<ModelInfo> inspect_bytes(std::string_view bytes, std::size_t chunk, Diagnostics& diags,
                                       const std::vector<std::string>& features = {}) {
  ModelReader reader;
  if (chunk == 0) chunk = std::max<std::size_t>(bytes.size(), 1);
  for (std::size_t at = 0; at < bytes.size(); at += chunk) reader.feed(bytes.substr(at, chunk));
  return finish_into(reader, diags, features);
}

// Protobuf wire-format builders for hand-made (often broken) messages.
inline std::string varint(std::uint64_t v) {
  std::string out;
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
  return out;
}
inline std::string tag(int field, int wire_type) {
  return varint((static_cast<std::uint64_t>(field) << 3) | static_cast<std::uint64_t>(wire_type));
}
inline std::string len_field(int field, const std::string& body) { return tag(field, 2) + varint(body.size()) + body; }
inline std::string varint_field(int field, std::uint64_t v) { return tag(field, 0) + varint(v); }

}  // namespace ohm::onnx::test
