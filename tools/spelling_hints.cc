#include "spelling_hints.h"

#include <vector>

#include "core/spellcheck.h"

namespace ohm::cli {
namespace {

// The option of `cmd` that `name` ("--format", "-q") names, or nullptr.
const CLI::Option* option_named(const CLI::App& cmd, const std::string& name) {
  for (const CLI::Option* opt : cmd.get_options()) {
    if (name.rfind("--", 0) == 0 && opt->check_lname(name.substr(2))) return opt;
    if (name.size() == 2 && name[0] == '-' && name[1] != '-' && opt->check_sname(name.substr(1))) return opt;
  }
  return nullptr;
}

std::vector<std::string> long_names(const CLI::App& cmd) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : cmd.get_options()) {
    for (const std::string& n : opt->get_lnames()) names.push_back("--" + n);
  }
  return names;
}

std::string command_path(const CLI::App& cmd) {
  std::string path;
  for (const CLI::App* c = &cmd; c != nullptr; c = c->get_parent()) {
    path = c->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

std::string near_or_help(const std::string& near, const CLI::App& cmd) {
  if (!near.empty()) return "; did you mean " + near + "?";
  return "; see " + command_path(cmd) + " --help";
}

}  // namespace

std::string spelling_hint(CLI::App& app, int argc, const char* const* argv) {
  CLI::App* cmd = &app;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.size() > 1 && arg[0] == '-') {
      if (arg.size() > 2 && arg[1] != '-') continue;  // "-qv", "-ofile": CLI11 judges those
      const std::string name = arg.substr(0, arg.find('='));
      const CLI::Option* opt = option_named(*cmd, name);
      if (opt == nullptr) {
        const std::string who =
            cmd == &app ? "onnx-hub-manifest" : command_path(*cmd).substr(app.get_name().size() + 1);
        return who + " has no option " + name + near_or_help(spellcheck(name, long_names(*cmd)), *cmd);
      }
      // A value in the next word ("--format json"); flags take none.
      if (opt->get_expected_max() > 0 && arg.find('=') == std::string::npos) ++i;
      continue;
    }
    std::vector<CLI::App*> subs = cmd->get_subcommands(nullptr);
    if (subs.empty()) continue;  // a positional argument of `cmd`
    CLI::App* chosen = nullptr;
    std::vector<std::string> names;
    for (CLI::App* sub : subs) {
      if (sub->check_name(arg)) chosen = sub;
      names.push_back(sub->get_name());
    }
    if (chosen == nullptr) return "unknown command '" + arg + "'" + near_or_help(spellcheck(arg, names), *cmd);
    cmd = chosen;
  }
  return {};
}

}  // namespace ohm::cli
