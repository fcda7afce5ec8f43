// The read `inspect` makes of a model, with the ONNX checker on it: one
// streaming pass through SHA-256 and the model reader, then check_model (and
// with --full-check strict shape inference) on the streamed model. Prints the
// sha, the verdict and the tensor size faults; for bench/checker_bench.sh.
//
// Usage: ohm_checker_bench_driver FILE [--full-check|--no-checker]
// (--no-checker: the same read without the checker, today's `inspect`.)
#include <iostream>
#include <string>

#include "core/diagnostic.h"
#include "fs/file_reader.h"
#include "hash/sha256.h"
#include "onnx/model_reader.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ohm_checker_bench_driver FILE [--full-check|--no-checker]\n";
    return 2;
  }
  const std::string path = argv[1];
  ohm::hash::Sha256 sha;
  ohm::onnx::ModelReader reader;
  auto streamed = ohm::fs::stream_regular_file(path, [&](std::string_view chunk) {
    sha.update(chunk);
    reader.feed(chunk);
    return true;
  });
  if (!streamed) {
    std::cerr << path << ": " << streamed.error() << "\n";
    return 2;
  }
  ohm::onnx::FinishOptions options;
  const std::string mode = argc > 2 ? argv[2] : "";
  options.run_checker = mode != "--no-checker";
  options.full_check = mode == "--full-check";
  const auto slash = path.find_last_of('/');
  options.model_dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  auto info = reader.finish({}, options);
  if (!info) {
    std::cerr << path << ": " << info.error() << "\n";
    return 1;
  }
  if (!info->checker) {
    std::cout << "sha256 " << sha.hex_digest() << "\nchecker not run\ntensor_size_faults "
              << info->tensor_size_fault_count << "\n";
    return 0;
  }
  const auto& v = *info->checker;
  std::cout << "sha256 " << sha.hex_digest() << "\n"
            << "checker "
            << (v.undecided.empty() ? (v.passed ? "passed" : "failed: " + v.message) : "undecided: " + v.undecided)
            << "\n"
            << "tensor_size_faults " << info->tensor_size_fault_count << "\n";
  return v.passed ? 0 : 1;
}
