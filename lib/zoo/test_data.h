#pragma once
// The test data sets of one archive checked against a model's ports (SPEC 7),
// as the archive streams past (archive::ReadOptions::data_sink), holding no
// payload: each test_data_set_* has one input_N.pb per input (initializers
// excluded, N from 0 in graph order) and one output_N.pb per output, each a
// readable value of its port's type, rank and int dims, symbolic dims bound
// to one value per set, payloads fitting their dims.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "fs/file_reader.h"
#include "onnx/ports.h"

namespace ohm::zoo {

struct TestDataFinding {
  std::string code;     // testdata.missing, .extra, .unreadable, .type, .shape, .tensor-size
  std::string entry;    // the file in the archive ("m/test_data_set_0/input_0.pb") or the set's folder
  std::string message;  // one line naming the port
};

class TestDataChecker {
 public:
  // `ports` is asked once, when the first data file arrives (the archive's
  // model has been read by then when it comes first); nullptr: the ports are
  // not known and nothing is checked.
  explicit TestDataChecker(std::function<const onnx::IoPorts*()> ports);
  ~TestDataChecker();
  TestDataChecker(const TestDataChecker&) = delete;
  TestDataChecker& operator=(const TestDataChecker&) = delete;

  // The sink for the data file at `normalized` (a path inside a
  // test_data_set_* folder); empty when the file is not read (not a port's
  // file, or no ports).
  fs::ChunkSink sink_for(const std::string& normalized);

  // Ends the archive and returns the findings, set by set (inputs, then
  // outputs, by number). `sets` are the archive's test_data_set_* folders.
  std::vector<TestDataFinding> finish(const std::vector<std::string>& sets);

  // False when no ports were known: the data was not checked.
  bool checked() const { return ports_ != nullptr; }

 private:
  struct File;
  void close_pending();

  std::function<const onnx::IoPorts*()> get_ports_;
  bool asked_ = false;
  const onnx::IoPorts* ports_ = nullptr;
  std::vector<std::unique_ptr<File>> files_;  // read ones, in archive order
  std::vector<TestDataFinding> extra_;        // files no port has
};

}  // namespace ohm::zoo
