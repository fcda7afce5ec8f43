#include "arg_rules.h"

#include <charconv>
#include <string>

namespace ohm::cli {

void refuse_empty_values(CLI::App& app) {
  static const CLI::Validator non_empty(
      [](std::string& value) { return value.empty() ? std::string("must not be empty") : std::string(); }, "",
      "NON_EMPTY");
  for (CLI::Option* option : app.get_options()) {
    if (option->get_type_size() != 0 && option->get_expected_min() > 0) option->check(non_empty);
  }
  for (CLI::App* sub : app.get_subcommands({})) refuse_empty_values(*sub);
}

CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi) {
  return CLI::Validator(
      [lo, hi](std::string& value) {
        const std::string range = "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
        std::uint64_t n = 0;
        const char* end = value.data() + value.size();
        auto [ptr, ec] = std::from_chars(value.data(), end, n);
        if (value.empty() || value[0] == '+' || ptr != end || ec != std::errc()) {
          return "'" + value + "' is not " + range;
        }
        if (n < lo || n > hi) return "'" + value + "' is not " + range;
        return std::string();
      },
      "", "WHOLE_NUMBER");
}

}  // namespace ohm::cli
