#include "zoo/zoo_paths.h"

#include "core/text.h"

namespace ohm::zoo {

std::string parent_folder(std::string_view rel) {
  auto slash = rel.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(rel.substr(0, slash));
}

std::string join_path(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  return std::string(a) + "/" + std::string(b);
}

bool is_url(std::string_view s) {
  if (s.rfind("//", 0) == 0) return true;
  std::size_t i = 0;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (s.empty() || !alpha(s[0])) return false;
  while (i < s.size() && (alpha(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.')) {
    ++i;
  }
  return i < s.size() && s[i] == ':';
}

Result<std::string> resolve_link(std::string_view readme_folder, std::string_view destination) {
  std::string_view dest = trim(destination);
  const std::string quoted = "\"" + escape_control(dest) + "\"";
  if (dest.empty()) return Error{"the link is empty"};
  if (is_url(dest)) return Error{"the link " + quoted + " is a URL, not a file of the zoo"};
  // A query or fragment is not part of the file name, as in a browser.
  dest = dest.substr(0, dest.find_first_of("?#"));
  auto decoded = percent_decode(dest);
  if (!decoded) return Error{"the link " + quoted + " has a malformed %-escape"};
  if (decoded->find('\0') != std::string::npos) return Error{"the link holds a NUL character"};
  std::string joined = (*decoded)[0] == '/' ? *decoded : join_path(readme_folder, *decoded);
  std::vector<std::string> parts;
  for (const std::string& part : split(joined, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return Error{"the link " + quoted + " leads outside the zoo"};
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  if (parts.empty()) return Error{"the link " + quoted + " names the zoo root, not a file"};
  std::string out;
  for (const std::string& p : parts) out = join_path(out, p);
  // The rule validate and the hub apply to every model_path (a backslash or a
  // newline from %5C or %0A): a manifest generate writes always validates.
  if (std::string why = unsafe_path_reason(out); !why.empty()) {
    return Error{"the link " + quoted + " names \"" + escape_control(out) + "\", not a safe path: " + why};
  }
  return out;
}

std::vector<std::string> tags_for(std::string_view readme_folder, std::string_view download_link) {
  std::vector<std::string> tags;
  if (!readme_folder.empty()) {
    std::vector<std::string> parts = split(readme_folder, '/');
    std::size_t first = (parts[0] == "validated" || parts[0] == "archive") ? 1 : 0;
    for (std::size_t i = first; i < parts.size(); ++i) {
      std::string tag = parts[i];
      for (char& c : tag) {
        if (c == '_') c = ' ';
      }
      tags.push_back(tag);
    }
  }
  for (const std::string& part : split(download_link, '/')) {
    if (part == "preproc") {
      tags.push_back("preprocessing");
      break;
    }
  }
  return tags;
}

std::string unsafe_path_reason(std::string_view path) {
  if (path.empty()) return "it is empty";
  if (path[0] == '/') return "it is absolute";
  if (is_url(path)) return "it is a URL";
  for (unsigned char c : path) {
    if (c == '\\') return "it holds a backslash";
    if (c < 0x20 || c == 0x7f) return "it holds a control character";
  }
  std::vector<std::string> parts = split(path, '/');
  if (parts[0].size() == 2 && parts[0][1] == ':') return "it starts with a drive letter";
  for (const std::string& part : parts) {
    if (part == "..") return "it has a \"..\" component";
    if (part == ".") return "it has a \".\" component";
    if (part.empty()) return "it has an empty component";
  }
  return {};
}

std::string unportable_path_reason(std::string_view path) {
  for (unsigned char c : path) {
    if (c == ' ') return "it holds a space";
    if (c == '#' || c == '?' || c == '%') return std::string("it holds a '") + static_cast<char>(c) + "'";
    if (c < 0x20 || c == 0x7f) return "it holds a control character";
    if (c >= 0x80) return "it holds a character that is not ASCII";
  }
  return {};
}

}  // namespace ohm::zoo
