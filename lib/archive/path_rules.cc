#include "archive/path_rules.h"

#include "core/text.h"

namespace ohm::archive {
namespace {

// Non-empty, non-"." components of `path`.
std::vector<std::string> components(std::string_view path) {
  std::vector<std::string> out;
  for (std::string& part : split(path, '/')) {
    if (!part.empty() && part != ".") out.push_back(std::move(part));
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  return out;
}

}  // namespace

PathProblem check_entry_path(std::string_view path) {
  if (!path.empty() && path.front() == '/') return PathProblem::kAbsolute;
  for (const std::string& part : split(path, '/')) {
    if (part == "..") return PathProblem::kDotDot;
  }
  if (components(path).empty()) return PathProblem::kEmpty;
  return PathProblem::kNone;
}

std::string normalize_entry_path(std::string_view path) {
  std::vector<std::string> parts = components(path);
  return join(parts, parts.size());
}

std::optional<std::string> resolve_link_target(std::string_view link_path, std::string_view target) {
  if (target.empty() || target.front() == '/') return std::nullopt;
  std::vector<std::string> stack = components(link_path);
  if (!stack.empty()) stack.pop_back();  // the link's own name
  for (const std::string& part : split(target, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (stack.empty()) return std::nullopt;
      stack.pop_back();
    } else {
      stack.push_back(part);
    }
  }
  return join(stack, stack.size());
}

bool is_model_path(std::string_view path) {
  constexpr std::string_view kSuffix = ".onnx";
  if (path.size() <= kSuffix.size()) return false;
  return to_lower(path.substr(path.size() - kSuffix.size())) == kSuffix;
}

std::optional<std::string> test_data_set_of(std::string_view path) {
  std::vector<std::string> parts = components(path);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].rfind("test_data_set_", 0) == 0) return join(parts, i + 1);
  }
  return std::nullopt;
}

}  // namespace ohm::archive
