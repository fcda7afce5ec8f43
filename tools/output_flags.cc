#include "output_flags.h"

#include <cstdlib>
#include <optional>

#include "paint.h"
#include "version.h"

namespace ohm::cli {
namespace {

std::optional<std::string> env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::optional<std::string>(v) : std::nullopt;
}

std::string joined(const std::vector<std::string>& forms) {
  std::string out;
  for (const std::string& f : forms) out += (out.empty() ? "" : "|") + f;
  return out;
}

}  // namespace

void add_version_flag(CLI::App& cmd) {
  cmd.set_version_flag("--version", version_line(), "Print the version and the git commit it was built from");
}

void add_output_flags(CLI::App& cmd, OutputFlags& flags, const std::vector<std::string>& forms,
                      const std::string& help) {
  flags.format = forms.front();
  cmd.add_flag("-q,--quiet", flags.quiet, "No progress line, and no summary when nothing was found");
  cmd.add_option("--format", flags.format, help + " (default " + forms.front() + ")")
      ->type_name(joined(forms))
      ->check(CLI::IsMember(forms).description(""));
  cmd.add_option("--color", flags.color,
                 "Colour 'error' and 'warning' on stderr: auto (on a terminal, unless NO_COLOR is set), always or "
                 "never")
      ->type_name("auto|always|never")
      ->check(CLI::IsMember({"auto", "always", "never"}).description(""));
  add_version_flag(cmd);
}

void apply_output_flags(const OutputFlags& flags, Context& ctx) {
  ctx.quiet = flags.quiet;
  ctx.color = use_color(flags.color, ctx.err_is_terminal, env("NO_COLOR"), env("TERM"));
}

}  // namespace ohm::cli
