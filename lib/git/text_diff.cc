#include "git/text_diff.h"

#include "git/internal/handles.h"

namespace ohm::git {
namespace {

using PatchPtr = std::unique_ptr<git_patch, Deleter<git_patch, git_patch_free>>;

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, const std::string& old_name,
                         const std::string& new_name) {
  if (old_text == new_text) return {};
  Libgit2Session session;
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.flags = GIT_DIFF_FORCE_TEXT;
  git_patch* raw = nullptr;
  if (git_patch_from_buffers(&raw, old_text.data(), old_text.size(), old_name.c_str(), new_text.data(), new_text.size(),
                             new_name.c_str(), &opts) < 0) {
    return "--- a/" + old_name + "\n+++ b/" + new_name + "\n(" + git_failure("no diff") + ")\n";
  }
  PatchPtr patch(raw);
  git_buf buf = GIT_BUF_INIT;
  std::string out;
  if (git_patch_to_buf(&buf, patch.get()) == 0) out.assign(buf.ptr, buf.size);
  git_buf_dispose(&buf);
  // The "diff --git" and "index" header lines say nothing the ---/+++ lines do not.
  for (const char* header : {"diff --git ", "index "}) {
    if (out.rfind(header, 0) == 0) out.erase(0, out.find('\n') + 1);
  }
  return out;
}

}  // namespace ohm::git
