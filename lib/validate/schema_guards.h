#pragma once
// What valijson 1.0 cannot survive, found before it runs: it matches
// `pattern`s with std::regex, whose recursion overflows the stack on long
// strings (a 30,000-character model_path), and it follows a `$ref` that
// applies a schema to the same value again for ever (`{"$ref": "#"}`).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ohm::validate {

// Longer than any path can be (PATH_MAX), far shorter than what overflows a
// thread's stack in std::regex.
inline constexpr std::size_t kMaxMatchedString = 4096;

// "#/definitions/a -> #" when applying the schema to a value can come back to
// the same schema for the same value (through $ref, allOf, anyOf, oneOf, not,
// if/then/else or a schema dependency); nullopt when it cannot.
std::optional<std::string> find_ref_cycle(const nlohmann::json& schema);

struct LongString {
  std::string json_pointer;  // the string value, or the object holding the key
  std::size_t bytes = 0;
  bool is_key = false;
};

// Every string value and object key of `doc` longer than kMaxMatchedString.
std::vector<LongString> find_long_strings(const nlohmann::json& doc);

// `doc` with each long string value emptied and each long key removed: what
// valijson may safely be given once the long strings are reported.
nlohmann::json without_long_strings(const nlohmann::json& doc);

}  // namespace ohm::validate
