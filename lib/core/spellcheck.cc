#include "core/spellcheck.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/text.h"

namespace ohm {

int edit_distance(std::string_view a, std::string_view b, int max_distance) {
  // One row of the dynamic-programming table at a time (ninja's EditDistance).
  const std::size_t n = b.size();
  std::vector<int> row(n + 1);
  for (std::size_t j = 0; j <= n; ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    int best = row[0];
    for (std::size_t j = 1; j <= n; ++j) {
      int above = row[j];
      int replace = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({replace, above + 1, row[j - 1] + 1});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > max_distance) return max_distance + 1;
  }
  return std::min(row[n], max_distance + 1);
}

std::string spellcheck(std::string_view text, const std::vector<std::string>& words) {
  constexpr int kMaxValidEditDistance = 3;
  int min_distance = kMaxValidEditDistance + 1;
  std::string result;
  for (const std::string& w : words) {
    int d = edit_distance(w, text, kMaxValidEditDistance);
    if (d < min_distance) {
      min_distance = d;
      result = w;
    }
  }
  return result;
}

std::vector<std::string> nearest_names(std::string_view text, const std::vector<std::string>& names,
                                       std::size_t limit) {
  const std::string wanted = to_lower(text);
  if (wanted.empty()) return {};
  const int max_edits = wanted.size() < 4 ? 1 : std::clamp(static_cast<int>(wanted.size() / 3), 2, 3);
  std::vector<std::pair<int, std::string>> by_prefix, by_edits;  // (distance, name)
  std::set<std::string> seen;
  for (const std::string& name : names) {
    const std::string lower = to_lower(name);
    if (lower == wanted) return {};
    if (!seen.insert(name).second) continue;
    const bool prefix = lower.compare(0, wanted.size(), wanted) == 0 || wanted.compare(0, lower.size(), lower) == 0;
    if (prefix) {
      by_prefix.emplace_back(edit_distance(wanted, lower), name);
    } else if (int d = edit_distance(wanted, lower, max_edits); d <= max_edits) {
      by_edits.emplace_back(d, name);
    }
  }
  // A name the text begins (or that begins the text) says more than one a few edits away.
  std::vector<std::pair<int, std::string>>& scored = by_prefix.empty() ? by_edits : by_prefix;
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  if (scored.size() > limit) scored.resize(limit);
  std::vector<std::string> out;
  for (auto& s : scored) out.push_back(std::move(s.second));
  std::sort(out.begin(), out.end(), [](const std::string& x, const std::string& y) {
    const std::string lx = to_lower(x), ly = to_lower(y);
    return lx != ly ? lx < ly : x < y;
  });
  return out;
}

std::string or_list(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace ohm
