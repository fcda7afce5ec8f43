// Driver for compilers without libFuzzer: runs the target on every seed file
// given, then on a fixed number of deterministic mutations of each seed, so
// ctest exercises the same entry point a fuzzer does.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

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

}  // namespace

int main(int argc, char** argv) {
  const int kMutationsPerSeed = 3000;
  std::mt19937 rng(12345);
  int seeds = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string seed = ss.str();
    run(seed);
    for (int m = 0; m < kMutationsPerSeed; ++m) run(mutate(seed, rng));
    ++seeds;
  }
  std::printf("%d seeds, %d runs each: no crash\n", seeds, kMutationsPerSeed + 1);
  return 0;
}
