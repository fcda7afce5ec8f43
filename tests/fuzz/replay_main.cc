// Driver for compilers without libFuzzer: runs the target on every seed file
// given (a folder stands for the files in it: tests/fuzz/corpus/<target>,
// tests/fuzz/regressions/<target>), then on a fixed number of deterministic
// mutations of each seed, so ctest exercises the same entry point a fuzzer does.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
// Optional, as in libFuzzer: called once with main's arguments.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

void run(const std::string& s) { LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); }

std::string mutate(std::string s, std::mt19937& rng) {
  static const char* kTokens[] = {"|", "\n", "[", "](", ")", "%", "..", "/", "`", "<br>", "\xff", "{", "\"", "\\", ":"};
  int edits = 1 + static_cast<int>(rng() % 8);
  for (int i = 0; i < edits; ++i) {
    std::size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
    switch (rng() % 4) {
      case 0:
        if (!s.empty() && pos < s.size()) s.erase(pos, 1 + rng() % 8);
        break;
      case 1:
        s.insert(pos, kTokens[rng() % (sizeof kTokens / sizeof *kTokens)]);
        break;
      case 2:
        if (pos < s.size()) s[pos] = static_cast<char>(rng());
        break;
      default:
        s = s.substr(0, pos);
        break;
    }
  }
  return s;
}

struct Seed {
  std::string path;
  int mutations;
};

// The files named, folders expanded to their files in name order; each with
// the mutation count of the last "--mutations=N" before it (default 3000).
std::vector<Seed> seed_files(int argc, char** argv) {
  std::vector<Seed> out;
  int mutations = 3000;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--mutations=", 0) == 0) {
      mutations = std::atoi(arg.c_str() + 12);
      continue;
    }
    if (!std::filesystem::is_directory(arg)) {
      out.push_back({arg, mutations});
      continue;
    }
    std::vector<std::string> in_folder;
    for (const auto& e : std::filesystem::directory_iterator(arg)) {
      if (e.is_regular_file()) in_folder.push_back(e.path().string());
    }
    std::sort(in_folder.begin(), in_folder.end());
    for (std::string& p : in_folder) out.push_back({std::move(p), mutations});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  std::mt19937 rng(12345);
  int seeds = 0;
  long runs = 0;
  for (const Seed& s : seed_files(argc, argv)) {
    std::ifstream f(s.path, std::ios::binary);
    if (!f) {
      std::fprintf(stderr, "%s: cannot read\n", s.path.c_str());
      return 2;
    }
    std::stringstream ss;
    ss << f.rdbuf();
    std::string seed = ss.str();
    run(seed);
    for (int m = 0; m < s.mutations; ++m) run(mutate(seed, rng));
    ++seeds;
    runs += 1 + s.mutations;
  }
  std::printf("%d seeds, %ld runs: no crash\n", seeds, runs);
  return 0;
}
