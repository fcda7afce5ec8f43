// The check-id registry is the one list of ids: README.md's table must say
// exactly what it says (id, severity, meaning), and ids are well-formed.
#include "core/checks.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "temp_dir.h"

namespace ohm::check {
namespace {

std::string severity_text(const CheckInfo& c) {
  auto word = [](Severity s) { return s == Severity::kError ? std::string("error") : std::string("warning"); };
  if (c.severity == c.generate_severity) return word(c.severity);
  return word(c.severity) + " (generate: " + word(c.generate_severity) + ")";
}

// The row README.md should have for `c`.
std::string row(const CheckInfo& c) {
  return "| `" + std::string(c.id) + "` | " + severity_text(c) + " | " + std::string(c.meaning) + " |";
}

TEST(Checks, IdsAreUniqueAndWellFormed) {
  std::set<std::string_view> seen;
  // The issue-given ids of external data start with a hyphenated word (external-data.unsafe).
  const std::regex form("[a-z]+(-[a-z]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
  for (const CheckInfo& c : all_checks()) {
    EXPECT_TRUE(seen.insert(c.id).second) << c.id;
    EXPECT_TRUE(std::regex_match(std::string(c.id), form)) << c.id;
    EXPECT_EQ(find_check(c.id), &c);
  }
  EXPECT_EQ(find_check("no.such-id"), nullptr);
}

TEST(Checks, ReadmeTableIsTheRegistry) {
  const std::string readme = testkit::source_file("README.md");
  ASSERT_FALSE(readme.empty());
  // The rows of the table under "## Check ids": lines "| `id` | ... |".
  std::map<std::string, std::string> documented;
  std::istringstream lines(readme.substr(readme.find("\n## Check ids\n") + 1));
  std::string line;
  bool in_table = false;
  while (std::getline(lines, line)) {
    if (line.rfind("| `", 0) == 0) {
      in_table = true;
      std::string id = line.substr(3, line.find('`', 3) - 3);
      documented[id] = line;
    } else if (in_table && line.rfind("|", 0) != 0) {
      break;
    }
  }
  std::string expected_table;
  for (const CheckInfo& c : all_checks()) expected_table += row(c) + "\n";
  for (const CheckInfo& c : all_checks()) {
    auto it = documented.find(std::string(c.id));
    if (it == documented.end()) {
      ADD_FAILURE() << c.id << " is not in README.md's check-id table";
      continue;
    }
    EXPECT_EQ(it->second, row(c));
    documented.erase(it);
  }
  for (const auto& [id, line] : documented) ADD_FAILURE() << id << " is documented but not in the registry";
  if (HasFailure()) std::cerr << "README.md's table should be:\n" << expected_table;
}

}  // namespace
}  // namespace ohm::check
