// The read `inspect` makes of a model, with the ONNX checker on it: one
// streaming pass through SHA-256 and the model reader, then check_model (and
// with --full-check strict shape inference) on the streamed model, for each
// FILE in turn. Prints one line per file: its sha, the checker's verdict and
// the tensor size faults. For bench/part_isolation.py.
//
// Usage: ohm_checker_bench_driver [--in-process] [--full-check|--no-checker] FILE...
// libonnx runs in worker processes, as in the tool (isolation.h), unless
// --in-process: then in this process, unprotected, to measure what the
// isolation costs. --no-checker: the same read without the checker.
#include <algorithm>
#include <cstring>
#include <iostream>
#include <string>

#include "core/diagnostic.h"
#include "fs/file_reader.h"
#include "hash/sha256.h"
#include "onnx/isolation.h"
#include "onnx/model_reader.h"

namespace {

// 0: read and checked, 1: the checker failed or the model did not parse, 2: unreadable.
int read_one(const std::string& path, const ohm::onnx::FinishOptions& base) {
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
  ohm::onnx::FinishOptions options = base;
  const auto slash = path.find_last_of('/');
  options.model_dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  auto info = reader.finish({}, options);
  if (!info) {
    std::cout << "sha256 " << sha.hex_digest() << " error " << info.error() << " " << path << "\n";
    return 1;
  }
  std::string verdict = "not-run";
  if (info->checker) {
    const auto& v = *info->checker;
    verdict = !v.undecided.empty() ? "undecided" : v.passed ? "passed" : "failed";
  }
  std::cout << "sha256 " << sha.hex_digest() << " checker " << verdict << " tensor_size_faults "
            << info->tensor_size_fault_count << " " << path << "\n";
  return verdict == "failed" ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  int i = 1;
  if (i < argc && std::strcmp(argv[i], "--in-process") == 0) {
    ++i;
  } else if (auto code = ohm::onnx::serve_worker_if_asked(argc, argv)) {
    return *code;  // this process is a worker
  }
  ohm::onnx::FinishOptions options;
  options.run_checker = true;
  if (i < argc && std::strcmp(argv[i], "--full-check") == 0) {
    options.full_check = true;
    ++i;
  } else if (i < argc && std::strcmp(argv[i], "--no-checker") == 0) {
    options.run_checker = false;
    ++i;
  }
  if (i == argc) {
    std::cerr << "usage: ohm_checker_bench_driver [--in-process] [--full-check|--no-checker] FILE...\n";
    return 2;
  }
  int worst = 0;
  for (; i < argc; ++i) worst = std::max(worst, read_one(argv[i], options));
  return worst;
}
