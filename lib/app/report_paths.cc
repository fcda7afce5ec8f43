#include "app/report_paths.h"

namespace ohm::app {

void name_repository_paths(Diagnostics& findings, const zoo::Source& zoo, const std::set<std::string>& as_given) {
  if (zoo.repo_prefix().empty()) return;
  const std::string described = zoo.describe();
  for (Diagnostic d : findings.take()) {
    const bool zoo_file = !d.file.empty() && d.file[0] != '/' && d.file != described && !as_given.count(d.file);
    if (zoo_file) d.file = zoo::repo_path(zoo, d.file);
    findings.add(std::move(d));
  }
}

}  // namespace ohm::app
