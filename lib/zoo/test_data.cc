#include "zoo/test_data.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "archive/path_rules.h"
#include "core/checks.h"
#include "core/text.h"
#include "onnx/tensor_reader.h"

namespace ohm::zoo {
namespace {

// "input_3.pb" -> {inputs, 3}; nullopt for other names (and "input_03.pb").
struct PortFile {
  bool output = false;
  std::size_t index = 0;
};

std::optional<PortFile> port_file(std::string_view name) {
  PortFile f;
  std::string_view digits;
  if (name.rfind("input_", 0) == 0) {
    digits = name.substr(6);
  } else if (name.rfind("output_", 0) == 0) {
    f.output = true;
    digits = name.substr(7);
  } else {
    return std::nullopt;
  }
  if (digits.size() < 4 || digits.substr(digits.size() - 3) != ".pb") return std::nullopt;
  digits.remove_suffix(3);
  if (digits.empty() || digits.size() > 6 || (digits.size() > 1 && digits[0] == '0')) return std::nullopt;
  auto n = parse_int64(digits);
  if (!n || *n < 0) return std::nullopt;
  f.index = static_cast<std::size_t>(*n);
  return f;
}

const char* side(bool output) { return output ? "output" : "input"; }

std::string file_name(bool output, std::size_t index) {
  return std::string(side(output)) + "_" + std::to_string(index) + ".pb";
}

std::string port_label(const onnx::Port& p, bool output, std::size_t index) {
  return std::string(side(output)) + " " + std::to_string(index) + " \"" + p.name + "\" (" + p.type + ")";
}

std::string dims_text(const std::vector<std::int64_t>& dims) {
  std::string s = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? ", " : "") + std::to_string(dims[i]);
  return s + "]";
}

std::string shape_text(const std::vector<onnx::Dim>& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const onnx::Dim& d = shape[i];
    s += i ? ", " : "";
    s += d.kind == onnx::Dim::Kind::kValue   ? std::to_string(d.value)
         : d.kind == onnx::Dim::Kind::kParam ? d.param
                                             : "?";
  }
  return s + "]";
}

}  // namespace

struct TestDataChecker::File {
  std::string set;
  std::string entry;
  PortFile port;
  std::unique_ptr<onnx::TestValueReader> reader;
  std::optional<Result<onnx::TestValue>> value;  // once finished
};

TestDataChecker::TestDataChecker(std::function<const onnx::IoPorts*()> ports) : get_ports_(std::move(ports)) {}
TestDataChecker::~TestDataChecker() = default;

void TestDataChecker::close_pending() {
  if (files_.empty() || files_.back()->value) return;
  File& f = *files_.back();
  f.value.emplace(f.reader->finish());
  f.reader.reset();  // its memory goes now, not at the end of the archive
}

fs::ChunkSink TestDataChecker::sink_for(const std::string& normalized) {
  close_pending();
  if (!asked_) {
    asked_ = true;
    ports_ = get_ports_ ? get_ports_() : nullptr;
  }
  if (!ports_) return {};
  // Only a set's own files are ports' files, not ones in folders below it.
  const std::optional<std::string> set = archive::test_data_set_of(normalized);
  if (!set || normalized.size() <= set->size() + 1 || normalized.find('/', set->size() + 1) != std::string::npos) {
    return {};
  }
  std::optional<PortFile> pf = port_file(std::string_view(normalized).substr(set->size() + 1));
  if (!pf) return {};
  const std::vector<onnx::Port>& ports = pf->output ? ports_->outputs : ports_->inputs;
  if (pf->index >= ports.size()) {
    extra_.push_back({check::kTestDataExtra, normalized,
                      file_name(pf->output, pf->index) + " has no port: the model has " + std::to_string(ports.size()) +
                          " " + side(pf->output) + (ports.size() == 1 ? "" : "s")});
    return {};
  }
  auto file = std::make_unique<File>();
  file->set = *set;
  file->entry = normalized;
  file->port = *pf;
  file->reader = std::make_unique<onnx::TestValueReader>(onnx::value_kind_of(ports[pf->index].type));
  onnx::TestValueReader* reader = file->reader.get();
  files_.push_back(std::move(file));
  return [reader](std::string_view chunk) {
    reader->feed(chunk);
    return true;
  };
}

std::vector<TestDataFinding> TestDataChecker::finish(const std::vector<std::string>& sets) {
  close_pending();
  std::vector<TestDataFinding> out;
  if (!ports_) return out;
  // The files of each set by (side, number); a repeated entry counts once.
  std::map<std::string, std::map<std::pair<bool, std::size_t>, const File*>> by_set;
  for (const auto& f : files_) by_set[f->set].emplace(std::make_pair(f->port.output, f->port.index), f.get());
  for (const std::string& set : sets) {
    const auto& files = by_set[set];
    std::map<std::string, std::pair<std::int64_t, std::string>> bound;  // symbol -> value, where
    for (bool output : {false, true}) {
      const std::vector<onnx::Port>& ports = output ? ports_->outputs : ports_->inputs;
      for (std::size_t i = 0; i < ports.size(); ++i) {
        const onnx::Port& port = ports[i];
        auto it = files.find({output, i});
        if (it == files.end()) {
          out.push_back(
              {check::kTestDataMissing, set, "has no " + file_name(output, i) + " for " + port_label(port, output, i)});
          continue;
        }
        const File& f = *it->second;
        const Result<onnx::TestValue>& value = *f.value;
        const std::string label = port_label(port, output, i);
        if (!value) {
          out.push_back({check::kTestDataUnreadable, f.entry, "not a value for " + label + ": " + value.error()});
          continue;
        }
        if (!onnx::type_fits(port.type, value->type)) {
          out.push_back(
              {check::kTestDataType, f.entry, "holds " + value->type + ", not the " + port.type + " of " + label});
          continue;
        }
        if (value->kind == onnx::ValueKind::kTensor && !port.shape.empty()) {
          const std::vector<std::int64_t>& dims = value->dims;
          if (dims.size() != port.shape.size()) {
            out.push_back({check::kTestDataShape, f.entry,
                           "has dims " + dims_text(dims) + ", not the rank " + std::to_string(port.shape.size()) +
                               " of " + label + " " + shape_text(port.shape)});
          } else {
            for (std::size_t d = 0; d < dims.size(); ++d) {
              const onnx::Dim& want = port.shape[d];
              if (want.kind == onnx::Dim::Kind::kValue && want.value != dims[d]) {
                out.push_back({check::kTestDataShape, f.entry,
                               "has dims " + dims_text(dims) + ", but dim " + std::to_string(d) + " of " + label + " " +
                                   shape_text(port.shape) + " is " + std::to_string(want.value)});
                break;
              }
              if (want.kind == onnx::Dim::Kind::kParam) {
                auto [at, fresh] = bound.emplace(want.param, std::make_pair(dims[d], f.entry));
                if (!fresh && at->second.first != dims[d]) {
                  out.push_back({check::kTestDataShape, f.entry,
                                 "has " + want.param + " = " + std::to_string(dims[d]) + " in dim " +
                                     std::to_string(d) + " of " + label + ", but " + at->second.second + " has " +
                                     want.param + " = " + std::to_string(at->second.first)});
                  break;
                }
              }
            }
          }
        }
        for (const onnx::TensorSizeFault& fault : value->size_faults) {
          out.push_back({check::kTestDataTensorSize, f.entry, label + ": " + onnx::describe(fault)});
        }
      }
    }
  }
  out.insert(out.end(), extra_.begin(), extra_.end());
  return out;
}

}  // namespace ohm::zoo
