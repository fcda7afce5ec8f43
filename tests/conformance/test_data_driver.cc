// Prints what TestValueReader finds in each test-data file of a list, one JSON
// line per file: {"file", "type", "data_type", "dims", "elements",
// "size_faults"} or {"file", "error"}. The list holds one "KIND<TAB>path"
// line per file, KIND being the port type the file is read for
// ("tensor(float)", "seq(tensor(int64))", ...). Each file is fed in small
// chunks, as an archive entry streams past.
//
// Usage: ohm_test_data_driver LIST
#include <fstream>
#include <iostream>
#include <string>

#include "fs/file_reader.h"
#include "manifest/entry.h"
#include "onnx/tensor_reader.h"

namespace {

using ohm::manifest::Json;

Json read_line(const std::string& port_type, const std::string& path) {
  Json line = Json::object();
  line["file"] = path;
  ohm::onnx::TestValueReader reader(ohm::onnx::value_kind_of(port_type));
  auto streamed = ohm::fs::stream_regular_file(path, [&](std::string_view chunk) {
    for (std::size_t at = 0; at < chunk.size(); at += 777) reader.feed(chunk.substr(at, 777));
    return true;
  });
  if (!streamed) {
    line["error"] = streamed.error();
    return line;
  }
  auto value = reader.finish();
  if (!value) {
    line["error"] = value.error();
    return line;
  }
  line["type"] = value->type;
  line["fits_port"] = ohm::onnx::type_fits(port_type, value->type);
  line["data_type"] = value->data_type;
  line["dims"] = value->dims;
  line["elements"] = value->elements;
  line["size_faults"] = value->size_fault_count;
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: ohm_test_data_driver LIST\n";
    return 2;
  }
  std::ifstream list(argv[1]);
  if (!list) {
    std::cerr << "test_data_driver: cannot read " << argv[1] << "\n";
    return 2;
  }
  for (std::string item; std::getline(list, item);) {
    const auto tab = item.find('\t');
    if (tab == std::string::npos) continue;
    std::cout << read_line(item.substr(0, tab), item.substr(tab + 1))
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  return 0;
}
