#pragma once
// Rules every option value obeys, so a bad argument is refused (exit 2)
// before any work starts: no value is empty (`--repo ''` would otherwise
// mean "walk the current folder, wherever that is"), and counts are whole
// numbers in range (CLI11 reads "-1" into an unsigned as 2^64-1).

#include <CLI/CLI.hpp>

#include <cstdint>

namespace ohm::cli {

// Adds "must not be empty" to every option of `app` and its subcommands that
// takes a value. Called once, after every command registered its options.
void refuse_empty_values(CLI::App& app);

// A decimal whole number in [lo, hi]: digits only (no sign, no exponent),
// refused when it overflows.
CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi);

}  // namespace ohm::cli
